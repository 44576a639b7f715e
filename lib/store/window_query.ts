/**
 * Validation of a {@linkcode WindowQuery}, shared by the stores.
 *
 * @module
 */
import type { WindowQuery } from "./prediction_store.ts";

/** A window query with both ends filled in, or a checked `lastN`. */
export type CheckedWindowQuery = { from: number; to: number } | { lastN: number };

/**
 * Checks a window query: `lastN` a non-negative integer, or `from`/`to` numbers (Unix ms) with
 * `from <= to`; a missing end becomes −Infinity / Infinity.
 *
 * @param query The query.
 * @returns The checked query.
 * @throws {RangeError} When `lastN` is not a non-negative integer, an end is NaN, or `from > to`.
 * @example
 * ```ts
 * import { checkWindowQuery } from "./window_query.ts";
 * const q = checkWindowQuery({ from: 10 });
 * if (!("to" in q) || q.to !== Infinity) throw new Error();
 * ```
 */
export function checkWindowQuery(query: WindowQuery): CheckedWindowQuery {
  if (query !== null && typeof query === "object" && "lastN" in query) {
    if (!(Number.isInteger(query.lastN) && query.lastN >= 0)) {
      throw new RangeError(
        `Invalid window: lastN must be an integer >= 0, got ${String(query.lastN)}`,
      );
    }
    return { lastN: query.lastN };
  }
  const from = query?.from ?? -Infinity;
  const to = query?.to ?? Infinity;
  if (
    typeof from !== "number" || typeof to !== "number" || Number.isNaN(from) || Number.isNaN(to) ||
    from > to
  ) {
    throw new RangeError(`Invalid window: expected numbers from <= to, got from ${from}, to ${to}`);
  }
  return { from, to };
}
