/**
 * Aliases under the bare names of the classic Python example ("monitor a model with Prometheus":
 * `Gauge('model_accuracy', …)` served by `start_http_server(8000)`), for dashboards and alerts
 * already built on those names. Opt-in through `articleAliases: true` of `createSnapshotMetrics`
 * (`deno task export --article-metrics`); they are the one documented exception to the `vigil_`
 * prefix of the naming policy.
 *
 * @module
 */
import { SNAPSHOT_FAMILIES, type SnapshotFamily } from "./snapshot_families.ts";

/** The family each alias mirrors: the article's `model_accuracy` is Vigil's accuracy. */
const MIRRORED = "vigil_model_accuracy_ratio";

function _mirrored(): SnapshotFamily {
  const family = SNAPSHOT_FAMILIES.find((f) => f.name === MIRRORED);
  if (family === undefined) throw new Error(`Family "${MIRRORED}" is missing`);
  return family;
}

/**
 * The alias families: `model_accuracy`, a gauge with the same samples (and the same `model`
 * label) as `vigil_model_accuracy_ratio`, a 0–1 share as in the article. Prefer the `vigil_`
 * name in new dashboards; the alias exists so that an existing `model_accuracy` panel or alert
 * keeps working when the article's Python exporter is replaced by Vigil's.
 *
 * @example
 * ```ts
 * import { ARTICLE_ALIAS_FAMILIES } from "./mod.ts";
 * if (ARTICLE_ALIAS_FAMILIES[0]!.name !== "model_accuracy") throw new Error("wrong alias");
 * if (!ARTICLE_ALIAS_FAMILIES[0]!.help.includes("vigil_model_accuracy_ratio")) throw new Error();
 * ```
 */
export const ARTICLE_ALIAS_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  {
    name: "model_accuracy",
    help: `Alias of ${MIRRORED} (same value: share of correct predictions in the current ` +
      "window, 0 to 1) under the article's bare name, for dashboards built on it; exported " +
      "only on request (deno task export --article-metrics)",
    labelNames: _mirrored().labelNames,
    samples: _mirrored().samples,
  },
]);
