/**
 * Small assertion helpers for the test suite (jsr:@std/assert is unreachable from these machines).
 *
 * @module
 */

/** An assertion failed. */
export class AssertionError extends Error {
  override name = "AssertionError";
}

/** Throws unless `condition` is truthy. */
export function assert(condition: unknown, message = "Assertion failed"): asserts condition {
  if (!condition) throw new AssertionError(message);
}

function format(value: unknown): string {
  try {
    return Deno.inspect(value, { depth: 6, iterableLimit: 50 });
  } catch {
    return String(value);
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as unknown as ArrayLike<unknown>;
    const y = b as unknown as ArrayLike<unknown>;
    if (!(ArrayBuffer.isView(b) || Array.isArray(b)) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!deepEqual(x[i], y[i])) return false;
    return true;
  }
  if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) {
    return format(a) === format(b);
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) {
      return false;
    }
  }
  return true;
}

/** Throws unless `actual` deep-equals `expected` (NaN equals NaN; typed arrays compare by value). */
export function assertEquals(actual: unknown, expected: unknown, message?: string): void {
  if (!deepEqual(actual, expected)) {
    throw new AssertionError(
      `${message ? message + ": " : ""}values differ\n  actual:   ${format(actual)}\n  expected: ${
        format(expected)
      }`,
    );
  }
}

/** Throws unless `|actual - expected| <= tolerance` (NaN equals NaN, equal infinities pass). */
export function assertAlmostEquals(
  actual: number,
  expected: number,
  tolerance = 1e-7,
  message?: string,
): void {
  if (Object.is(actual, expected)) return;
  if (Number.isNaN(actual) && Number.isNaN(expected)) return;
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new AssertionError(
      `${message ? message + ": " : ""}expected ${expected} ± ${tolerance}, got ${actual} (diff ${
        Math.abs(actual - expected)
      })`,
    );
  }
}

/**
 * Throws unless `actual` equals `expected` to a relative tolerance:
 * `|actual - expected| <= rel * max(|expected|, 1e-300)`, with `abs` as an absolute floor for values
 * near zero (default 1e-12).
 */
export function assertRelativeEquals(
  actual: number,
  expected: number,
  rel = 1e-9,
  message?: string,
  abs = 1e-12,
): void {
  if (Object.is(actual, expected)) return;
  if (Number.isNaN(actual) && Number.isNaN(expected)) return;
  const diff = Math.abs(actual - expected);
  if (!(diff <= Math.max(rel * Math.abs(expected), abs))) {
    throw new AssertionError(
      `${
        message ? message + ": " : ""
      }expected ${expected} (rel ${rel}), got ${actual} (diff ${diff})`,
    );
  }
}

/** Throws unless `fn` throws an instance of `ErrorClass` whose message includes `includes`. */
export function assertThrows(
  fn: () => unknown,
  // deno-lint-ignore no-explicit-any
  ErrorClass: new (...args: any[]) => Error = Error,
  includes?: string,
): Error {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ErrorClass)) {
      throw new AssertionError(`expected ${ErrorClass.name}, got ${format(e)}`);
    }
    if (includes !== undefined && !e.message.includes(includes)) {
      throw new AssertionError(`expected message to include "${includes}", got "${e.message}"`);
    }
    return e;
  }
  throw new AssertionError(`expected ${ErrorClass.name} to be thrown, nothing was`);
}

/** Async variant of {@linkcode assertThrows}. */
export async function assertRejects(
  fn: () => Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  ErrorClass: new (...args: any[]) => Error = Error,
  includes?: string,
): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof ErrorClass)) {
      throw new AssertionError(`expected ${ErrorClass.name}, got ${format(e)}`);
    }
    if (includes !== undefined && !e.message.includes(includes)) {
      throw new AssertionError(`expected message to include "${includes}", got "${e.message}"`);
    }
    return e;
  }
  throw new AssertionError(`expected ${ErrorClass.name} to be rejected, nothing was`);
}
