/**
 * Private: small-window warnings — a drift result computed on too little data for its method, by
 * the minimums of {@linkcode DRIFT_METHOD_INFO}. Warnings never change a result; they say how far
 * to trust it.
 *
 * @module
 */
import { logGamma } from "../stats/special.ts";
import type { CheckResult } from "../types.ts";
import { DRIFT_METHOD_INFO, type DriftMethod } from "./drift_methods.ts";

/** Below this many rows on the smaller side, an asymptotic KS p-value is flagged. */
const KS_ASYMPTOTIC_MIN_ROWS = 100;

function numbers(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "number") ? value : undefined;
}

/** Smallest two-sided exact KS p-value two samples of sizes n and m can reach: 2 / C(n + m, n). */
export function ksMinimumPValue(n: number, m: number): number {
  const logChoose = logGamma(n + m + 1) - logGamma(n + 1) - logGamma(m + 1);
  return Math.min(1, 2 * Math.exp(-logChoose));
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(3);
}

function expectedCounts(result: CheckResult, method: DriftMethod): number[] {
  const ref = numbers(result.details?.referenceCounts);
  const cur = numbers(result.details?.currentCounts);
  const nRef = result.nReference, nCur = result.nCurrent;
  if (method === "z_test") {
    const pooled = result.details?.pooledProportion;
    if (typeof pooled !== "number" || pooled <= 0 || pooled >= 1) return [];
    return [nRef * pooled, nRef * (1 - pooled), nCur * pooled, nCur * (1 - pooled)];
  }
  if (ref === undefined || cur === undefined) return [];
  if (method === "chi_square") {
    // Unseen reference categories (expected 0) are reported by the test itself.
    return ref.filter((r) => r > 0).map((r) => r / nRef * nCur);
  }
  const total = nRef + nCur;
  return ref.flatMap((r, j) => [nRef, nCur].map((rowSum) => rowSum * (r + cur[j]!) / total));
}

/**
 * The small-window warnings of one `"ok"` drift result, each naming the column (when known), the
 * method and the rule it breaks. Empty when the window is large enough. Cost O(cells).
 */
export function windowWarnings(result: CheckResult, method: DriftMethod): string[] {
  if (result.status !== "ok") return [];
  const info = DRIFT_METHOD_INFO[method];
  const who = result.column === undefined ? info.label : `Column "${result.column}": ${info.label}`;
  const nRef = result.nReference, nCur = result.nCurrent;
  const out: string[] = [];
  if (info.minRows !== undefined) {
    for (const [side, n] of [["reference", nRef], ["current", nCur]] as const) {
      if (n < info.minRows) {
        out.push(
          `${who} on ${n} ${side} rows (fewer than ${info.minRows}): only large changes can be detected`,
        );
      }
    }
  }
  if (method === "ks") {
    const minP = ksMinimumPValue(nRef, nCur);
    if (minP >= result.threshold) {
      out.push(
        `${who} with ${nRef} and ${nCur} rows cannot reach p < ${fmt(result.threshold)} ` +
          `(smallest possible p-value ${fmt(minP)}): drift can never be detected`,
      );
    }
    if (result.details?.pValueMethod === "asymp" && Math.min(nRef, nCur) < KS_ASYMPTOTIC_MIN_ROWS) {
      out.push(
        `${who} p-value is asymptotic with only ${Math.min(nRef, nCur)} rows on the smaller side ` +
          `(fewer than ${KS_ASYMPTOTIC_MIN_ROWS}): it may be inaccurate; prefer method "exact"`,
      );
    }
  }
  if (info.minRowsPerBin !== undefined) {
    const bins = numbers(result.details?.referenceCounts)?.length ?? 0;
    const perBin = bins === 0 ? Infinity : Math.min(nRef, nCur) / bins;
    if (perBin < info.minRowsPerBin) {
      out.push(
        `${who} with ${bins} bins has ${fmt(perBin)} rows per bin on the smaller side ` +
          `(fewer than ${info.minRowsPerBin}): the distance is inflated by sampling noise`,
      );
    }
  }
  if (info.minExpectedCount !== undefined) {
    const expected = expectedCounts(result, method);
    const low = expected.filter((e) => e < info.minExpectedCount!);
    if (low.length > 0) {
      out.push(
        `${who}: ${low.length} of ${expected.length} expected counts below ${info.minExpectedCount} ` +
          `(smallest ${fmt(Math.min(...low))}): the p-value approximation is unreliable`,
      );
    }
  }
  return out;
}
