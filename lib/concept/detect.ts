/**
 * Running a detector over a whole stream.
 *
 * @module
 */
import type { DriftDetector } from "./drift_detector.ts";

/** The indices at which a detector was in its warning zone and at which it detected a drift. */
export interface Detections {
  /** Every index whose update left the detector in its warning zone, ascending. */
  warnings: number[];
  /** Every index whose update detected a drift, ascending (River's `drift_detected`). */
  drifts: number[];
}

/**
 * Feeds `stream` to `detector` value by value, as River's docstring loops do
 * (`for i, x in enumerate(stream): detector.update(x); if detector.drift_detected: ...`), and
 * returns the indices of warnings and drifts. The detector is not reset first (pass a fresh one to
 * start from nothing) and keeps its state afterwards, so a stream can be fed in pieces; indices
 * count from the start of this call. O(n) updates.
 *
 * @param detector A detector from this folder.
 * @param stream The values, in order (0/1 or booleans for binary detectors).
 * @returns Warning and drift indices.
 * @throws {RangeError} When a value is invalid for the detector (see `DriftDetector.update`).
 * @example
 * ```ts
 * import { detect, pageHinkley } from "./mod.ts";
 * const stream = [...Array(100).fill(0), ...Array(100).fill(5)];
 * const { drifts, warnings } = detect(pageHinkley(), stream);
 * // the sum of deviations passes 50 after about ten values of 5 (the mean keeps rising)
 * if (drifts.length !== 1 || drifts[0]! < 100 || drifts[0]! > 120) throw new Error(`${drifts}`);
 * if (warnings.length !== 0) throw new Error("Page-Hinkley has no warning zone");
 * ```
 */
export function detect(
  detector: DriftDetector,
  stream: ArrayLike<number> | ArrayLike<boolean>,
): Detections {
  const warnings: number[] = [];
  const drifts: number[] = [];
  for (let i = 0; i < stream.length; i++) {
    const state = detector.update(stream[i]!);
    if (state.warning) warnings.push(i);
    if (state.drift) drifts.push(i);
  }
  return { warnings, drifts };
}
