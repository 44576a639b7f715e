/**
 * Value and option checks shared by the detectors of this folder.
 *
 * @module
 */

/** A binary error as 0 or 1, or a RangeError naming the detector and the value. */
export function binaryValue(value: number | boolean, detector: string): number {
  if (value === 1 || value === true) return 1;
  if (value === 0 || value === false) return 0;
  throw new RangeError(
    `Cannot update ${detector}: value must be 0 or 1 (or a boolean), got ${String(value)}`,
  );
}

/** A finite number (booleans as 0/1), or a RangeError naming the detector and the value. */
export function realValue(value: number | boolean, detector: string): number {
  const x = value === true ? 1 : value === false ? 0 : value;
  if (typeof x !== "number" || x - x !== 0) {
    throw new RangeError(`Cannot update ${detector}: value must be a finite number, got ${x}`);
  }
  return x;
}

/** Checks that an option is a number satisfying `ok`, naming the rule in the message. */
export function checkOption(
  detector: string,
  name: string,
  value: unknown,
  ok: (v: number) => boolean,
  rule: string,
): number {
  if (typeof value !== "number" || Number.isNaN(value) || !ok(value)) {
    throw new RangeError(
      `Cannot create ${detector}: ${name} must be ${rule}, got ${String(value)}`,
    );
  }
  return value;
}

/** True for an integer ≥ `min`. */
export function isIntegerAtLeast(min: number): (v: number) => boolean {
  return (v) => Number.isInteger(v) && v >= min;
}

/** True for a number strictly between 0 and 1. */
export function isOpenUnit(v: number): boolean {
  return v > 0 && v < 1;
}

/** The `warmStart` option of DDM and EDDM: a non-negative integer. */
export function warmStartOption(detector: string, value: number): number {
  return checkOption(detector, "warmStart", value, isIntegerAtLeast(0), "a non-negative integer");
}

/** The drift and warning confidences of HDDM_A and HDDM_W, each in (0, 1). */
export function confidenceOptions(
  detector: string,
  options: { driftConfidence?: number; warningConfidence?: number },
  defaults: { driftConfidence: number; warningConfidence: number },
): { drift: number; warning: number } {
  const pick = (name: "driftConfidence" | "warningConfidence") =>
    checkOption(detector, name, options[name] ?? defaults[name], isOpenUnit, "in (0, 1)");
  return { drift: pick("driftConfidence"), warning: pick("warningConfidence") };
}
