/**
 * How far two sources of the same records disagree: unmatched rows and differing values.
 *
 * @module
 */
import { finishSpec, okDetectedColor } from "./_spec.ts";
import { type ChartOptions, type VegaLiteSpec, VIGIL_COLORS } from "./theme.ts";

/** One disagreement share between two sources and the highest share accepted. */
export interface SourceAgreementInput {
  /** What the share measures, e.g. `"rows without a partner"` or `"sepal_width differs"`. */
  label: string;
  /** The share in [0, 1]. */
  share: number;
  /** The highest acceptable share (a problem when `share > threshold`), in [0, 1]. */
  threshold: number;
}

const AGREE = "Within threshold";
const DISAGREE = "Above threshold";

/**
 * Builds horizontal bars of the disagreement between two sources, one per input in order —
 * typically the share of rows without a one-to-one partner, then for each compared column the
 * share of matched rows whose values differ — with a dark tick at each bar's own threshold. Bars
 * above their threshold are red, the others green (`share > threshold`, as `compareSources`
 * decides). The axis is a percentage, from 0 to a quarter past the largest share or threshold, and each bar is labelled with its share.
 * Cost O(inputs).
 *
 * @param shares One entry per bar.
 * @param options Title and size.
 * @returns A Vega-Lite layered spec with explicit width and height (default height: 24 px per
 *   bar, at least 120).
 * @throws {RangeError} If a share or threshold is outside [0, 1] (the message names the bar).
 *
 * @example
 * ```ts
 * import { sourceAgreementChart } from "./source_agreement_chart.ts";
 * const spec = sourceAgreementChart([
 *   { label: "rows without a partner", share: 0.05, threshold: 0 },
 *   { label: "price differs", share: 0, threshold: 0 },
 * ]) as { data: { values: { status: string }[] } };
 * if (spec.data.values.map((v) => v.status).join() !== "Above threshold,Within threshold") {
 *   throw new Error("status");
 * }
 * ```
 */
export function sourceAgreementChart(
  shares: readonly SourceAgreementInput[],
  options: ChartOptions = {},
): VegaLiteSpec {
  const values = shares.map((s) => {
    for (const [what, v] of [["Share", s.share], ["Threshold", s.threshold]] as const) {
      if (!(v >= 0 && v <= 1)) {
        throw new RangeError(`${what} of "${s.label}" must be in [0, 1], got ${v}`);
      }
    }
    return { ...s, status: s.share > s.threshold ? DISAGREE : AGREE };
  });
  const top = Math.min(1, 1.25 * Math.max(0.01, ...values.flatMap((v) => [v.share, v.threshold])));
  const x = {
    field: "share",
    type: "quantitative",
    title: "Share that disagrees",
    scale: { domain: [0, top] },
    axis: { format: "%", tickCount: 6 },
  };
  const body = {
    data: { values },
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        sort: values.map((v) => v.label),
        title: null,
        axis: { labelLimit: 260 },
      },
    },
    layer: [
      {
        mark: { type: "bar", height: { band: 0.7 } },
        encoding: {
          x,
          color: okDetectedColor("status", [AGREE, DISAGREE]),
          tooltip: [
            { field: "label", type: "nominal", title: "Share" },
            { field: "share", type: "quantitative", title: "Value", format: ".1%" },
            { field: "threshold", type: "quantitative", title: "Threshold", format: ".1%" },
          ],
        },
      },
      {
        // The share as text past the bar's end, so that a share of 0 still says so.
        mark: { type: "text", align: "left", dx: 4, fontSize: 11 },
        encoding: {
          x: { field: "share", type: "quantitative" },
          text: { field: "share", type: "quantitative", format: ".1%" },
        },
      },
      {
        mark: { type: "tick", color: VIGIL_COLORS.threshold, thickness: 2, bandSize: 20 },
        encoding: { x: { ...x, field: "threshold" } },
      },
    ],
  };
  const height = options.height ?? Math.max(120, 24 * values.length);
  return finishSpec(body, "Agreement between two sources", { height, ...options });
}
