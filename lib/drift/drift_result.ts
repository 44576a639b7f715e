/**
 * The result every drift method returns.
 *
 * @module
 */
import type { CheckResult } from "../types.ts";

/**
 * A drift result: a {@linkcode CheckResult} of kind `"drift"` whose `method` is the drift method
 * (a {@linkcode DriftMethod} for the column tests). `detected` is `pValue OPERATOR threshold` for
 * the p-value tests and `statistic OPERATOR threshold` for the distances; a side that cannot be
 * used gives `status: "error"` with a `reason`, `statistic: NaN` and `detected: false`.
 *
 * @typeParam M The method name (`"ks"`, `"psi"`, …).
 */
export type DriftResult<M extends string = string> = CheckResult<"drift", M>;
