/**
 * Expected calibration error of the top-class probability.
 *
 * @module
 */
import type { ClassOptions, MetricResult } from "./metric_result.ts";
import { rankingInput } from "./_ranking_input.ts";
import { errorResult, okResult } from "./_result.ts";

/** Options of {@linkcode expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions extends ClassOptions {
  /** Number of equal-width confidence bins on [0, 1]. @default 10 */
  nBins?: number;
}

/**
 * Expected calibration error (Naeini et al. 2015; Guo et al. 2017):
 * `ECE = Σ_m (|B_m| / n) · |acc(B_m) − conf(B_m)|`, where the confidence of a row is its top-class
 * probability (the first maximum, as numpy's argmax), its prediction that class, and bin m holds
 * confidences in `(m/M, (m+1)/M]` (0 goes to the first bin). For 1-D binary probabilities p the
 * confidence is `max(p, 1 − p)` and the prediction `p > 0.5`. There is no scikit-learn
 * equivalent; the golden values come from a numpy reference in `test/golden/metrics_golden.py`.
 * `details.maximum` is the maximum calibration error over non-empty bins. Cost O(n·k).
 *
 * @param yTrue True class indices.
 * @param proba Length-n probabilities of class 1, or a row-major n×k matrix with rows summing to 1.
 * @param options Number of bins, classes.
 * @returns `name: "expected_calibration_error"` in [0, 1], per-bin counts, accuracy and confidence
 *   in `details` (NaN for empty bins); `status: "error"` for empty input.
 * @throws {TypeError} When the lengths do not match.
 * @throws {RangeError} For probabilities outside [0, 1], rows not summing to 1, invalid labels.
 * @example
 * ```ts
 * import { expectedCalibrationError } from "./mod.ts";
 * // confidence 0.9 in one bin, accuracy 1/2: ECE = 0.4
 * const e = expectedCalibrationError([0, 1], [0.9, 0.1, 0.9, 0.1]);
 * if (Math.abs(e.value - 0.4) > 1e-15) throw new Error();
 * ```
 */
export function expectedCalibrationError(
  yTrue: ArrayLike<number>,
  proba: ArrayLike<number>,
  options: ExpectedCalibrationErrorOptions = {},
): MetricResult {
  const { nBins = 10 } = options;
  if (!(Number.isInteger(nBins) && nBins >= 1)) {
    throw new RangeError(
      `Cannot compute expected calibration error: nBins must be a positive integer, got ${nBins}`,
    );
  }
  const { n, width, scores: p } = rankingInput(
    "expected calibration error",
    yTrue,
    proba,
    options,
    true,
  );
  const count = new Float64Array(nBins),
    correct = new Float64Array(nBins),
    conf = new Float64Array(nBins);
  for (let i = 0; i < n; i++) {
    let c: number, pred: number;
    if (width === 1) {
      const v = p[i]!;
      pred = v > 0.5 ? 1 : 0;
      c = pred === 1 ? v : 1 - v;
    } else {
      pred = 0;
      c = p[i * width]!;
      for (let j = 1; j < width; j++) {
        const v = p[i * width + j]!;
        if (v > c) (c = v, pred = j);
      }
    }
    // bin b with b/M < c <= (b+1)/M, from a guess corrected against the exact edges
    let b = Math.min(nBins - 1, Math.max(0, Math.ceil(c * nBins) - 1));
    while (b > 0 && c <= b / nBins) b--;
    while (b < nBins - 1 && c > (b + 1) / nBins) b++;
    count[b]!++;
    conf[b]! += c;
    if (pred === yTrue[i]) correct[b]!++;
  }
  const accuracy: number[] = [], confidence: number[] = [];
  let ece = 0, mce = 0;
  for (let b = 0; b < nBins; b++) {
    const m = count[b]!;
    accuracy.push(m > 0 ? correct[b]! / m : NaN);
    confidence.push(m > 0 ? conf[b]! / m : NaN);
    if (m === 0) continue;
    const gap = Math.abs(correct[b]! / m - conf[b]! / m);
    ece += (m / n) * gap;
    if (gap > mce) mce = gap;
  }
  const details = {
    nBins,
    binning: "equal-width (b/M, (b+1)/M]",
    counts: Array.from(count),
    accuracy,
    confidence,
    maximum: mce,
  };
  if (n === 0) {
    return errorResult("expected_calibration_error", "No observations", 0, {
      ...details,
      maximum: NaN,
    });
  }
  return okResult("expected_calibration_error", ece, n, details);
}
