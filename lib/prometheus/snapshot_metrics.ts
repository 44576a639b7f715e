/**
 * Publishes a monitor's {@linkcode Snapshot} as Prometheus gauges in a prom-client registry: the
 * exporter's face of "one flow, three faces" (DESIGN.md).
 *
 * @module
 */
import { Counter, Gauge } from "prom-client";
import type { Snapshot } from "../monitor/types.ts";
import { validateLabelName, validateLabelValue, validateMetricName } from "./naming.ts";
import { SNAPSHOT_FAMILIES, type SnapshotFamily } from "./snapshot_families.ts";
import { ARTICLE_ALIAS_FAMILIES } from "./article_aliases.ts";
import type { MetricRegistry } from "./metric_registry.ts";
import { promRegisters } from "./_registers.ts";

/** Options of {@linkcode createSnapshotMetrics}. */
export interface SnapshotMetricsOptions {
  /** The monitored model (e.g. `monitor.model`): its name is the `model` label, its classes the
   * only accepted values of the `class` label. */
  model: { name: string; version: string; classNames: readonly string[] };
  /**
   * The declared check names (e.g. `monitor.checks`), the only accepted values of the `check`
   * label.
   * @default undefined (any well-formed check name is accepted)
   */
  checks?: readonly string[];
  /**
   * The declared features (e.g. `monitor.features`: the reference profile's checked columns), the
   * only accepted values of the `feature` label.
   * @default undefined (any well-formed feature name is accepted)
   */
  features?: readonly string[];
  /**
   * The declared concept-drift detectors (e.g. `monitor.detectors`), the only accepted values of
   * the `detector` label.
   * @default undefined (any well-formed detector name is accepted)
   */
  detectors?: readonly string[];
  /**
   * The families to publish; the extension point for further families.
   * @default SNAPSHOT_FAMILIES
   */
  families?: readonly SnapshotFamily[];
  /**
   * Also publish the article's bare names ({@linkcode ARTICLE_ALIAS_FAMILIES}: `model_accuracy`,
   * mirroring `vigil_model_accuracy_ratio`), for dashboards built on the classic Python example.
   * @default {false}
   */
  articleAliases?: boolean;
}

/** The gauges fed from snapshots. */
export interface SnapshotMetrics {
  /** Names of the families this object owns, in registration order. */
  readonly names: readonly string[];
  /**
   * Replaces every value of the owned families with the snapshot's: all samples are computed and
   * validated first, then each family is reset and set, so a rejected snapshot changes nothing and
   * a value the snapshot lacks (a NaN ROC AUC, a removed check) disappears instead of going stale.
   * The exporter calls it with each successful run's snapshot only; failed runs leave the last good
   * values in place.
   * @throws {RangeError} When the snapshot is for another model or a label value is undeclared
   *   (an unknown class or check) or malformed.
   */
  update(snapshot: Snapshot): void;
}

/**
 * Registers one gauge per family in `registry` (a counter for a family of `type: "counter"`)
 * and returns an updater. Every family carries the
 * `model` label; label values are bounded by the declared classes, checks, features and outcomes. O(families)
 * to create; `update` is O(samples).
 *
 * @param registry The prom-client registry (a {@linkcode MetricRegistry}: the exporter's, never the
 *   global default), Prometheus text or OpenMetrics.
 * @param options See {@linkcode SnapshotMetricsOptions}.
 * @returns The updater.
 * @throws {RangeError} When a family or label name breaks the naming policy, or the model name is
 *   not a valid label value.
 * @throws {Error} From prom-client when a family of the same name is already registered.
 * @example
 * ```ts
 * import { Registry } from "prom-client";
 * import { createSnapshotMetrics } from "./snapshot_metrics.ts";
 * import type { Snapshot } from "../monitor/types.ts";
 * const registry = new Registry();
 * const metrics = createSnapshotMetrics(registry, {
 *   model: { name: "iris", version: "1", classNames: ["a", "b"] },
 * });
 * metrics.update({
 *   model: { name: "iris", version: "1" }, rows: 30, finishedAt: "2026-01-01T00:00:00Z",
 *   metrics: [{ name: "accuracy", value: 0.9 }], checks: [],
 * } as unknown as Snapshot);
 * const text = await registry.metrics();
 * if (!text.includes('vigil_model_accuracy_ratio{model="iris"} 0.9')) throw new Error(text);
 * ```
 */
export function createSnapshotMetrics(
  registry: MetricRegistry,
  options: SnapshotMetricsOptions,
): SnapshotMetrics {
  const { model } = options;
  validateLabelValue("model", model.name);
  const aliases = options.articleAliases === true ? ARTICLE_ALIAS_FAMILIES : [];
  const families = [...(options.families ?? SNAPSHOT_FAMILIES), ...aliases];
  const allowed: Record<string, ReadonlySet<string>> = {
    model: new Set([model.name]),
    class: new Set(model.classNames),
    outcome: new Set(["pass", "warn", "fail", "error"]),
  };
  if (options.checks !== undefined) allowed.check = new Set(options.checks);
  if (options.features !== undefined) allowed.feature = new Set(options.features);
  if (options.detectors !== undefined) allowed.detector = new Set(options.detectors);

  const gauges = families.map((family) => {
    const type = family.type ?? "gauge";
    validateMetricName(family.name, { type, requirePrefix: !aliases.includes(family) });
    if (family.labelNames.includes("model")) {
      throw new RangeError(`Family "${family.name}": "model" is added, do not declare it`);
    }
    family.labelNames.forEach(validateLabelName);
    if (!family.help || family.help.length < 20) {
      throw new RangeError(`Family "${family.name}": HELP must say what it measures and how`);
    }
    const config = {
      name: family.name,
      help: family.help,
      labelNames: ["model", ...family.labelNames],
      registers: promRegisters(registry),
    };
    return type === "counter" ? new Counter(config) : new Gauge(config);
  });

  function update(snapshot: Snapshot): void {
    if (snapshot.model.name !== model.name) {
      throw new RangeError(
        `Cannot publish snapshot: it is for model "${snapshot.model.name}", not "${model.name}"`,
      );
    }
    const pending = families.map((family) => {
      const samples = family.samples(snapshot).filter((s) => !Number.isNaN(s.value));
      for (const sample of samples) {
        const names = Object.keys(sample.labels);
        const unexpected = names.find((l) => !family.labelNames.includes(l));
        const missing = family.labelNames.find((l) => !names.includes(l));
        if (unexpected !== undefined || missing !== undefined) {
          throw new RangeError(
            `Cannot publish ${family.name}: sample labels {${names.join(", ")}} do not match ` +
              `the declared {${family.labelNames.join(", ")}}`,
          );
        }
        if (family.type === "counter" && !(sample.value >= 0 && Number.isFinite(sample.value))) {
          throw new RangeError(
            `Cannot publish ${family.name}: a counter needs a finite value >= 0, got ${sample.value}`,
          );
        }
        for (const [label, value] of Object.entries(sample.labels)) {
          const set = allowed[label];
          validateLabelValue(label, value, set === undefined ? {} : { allowed: set });
        }
      }
      return samples;
    });
    gauges.forEach((metric, i) => {
      metric.reset();
      for (const sample of pending[i]!) {
        const labels = { model: model.name, ...sample.labels };
        // A counter family carries its running total in the snapshot: set it by one increment.
        if (metric instanceof Counter) metric.inc(labels, sample.value);
        else metric.set(labels, sample.value);
      }
    });
  }

  return { names: Object.freeze(families.map((f) => f.name)), update };
}
