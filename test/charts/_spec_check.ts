/**
 * Test helpers for chart specs: compile with Vega-Lite and fail on any warning, and check that
 * every view has an explicit width and height.
 *
 * @module
 */
import { compile, type TopLevelSpec } from "vega-lite";
import type { VegaLiteSpec } from "../../lib/charts/theme.ts";
import { assert } from "../_assert.ts";

/** Compiles `spec` with Vega-Lite, throwing if the compiler logs any warning or error. */
export function compileStrict(spec: VegaLiteSpec | object): Record<string, unknown> {
  const messages: string[] = [];
  const record = (...args: unknown[]) => {
    messages.push(args.map(String).join(" "));
  };
  const logger = {
    level(_?: number) {
      return logger;
    },
    error(...args: unknown[]) {
      record(...args);
      return logger;
    },
    warn(...args: unknown[]) {
      record(...args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  // deno-lint-ignore no-explicit-any
  const out = compile(spec as TopLevelSpec, { logger: logger as any });
  assert(messages.length === 0, `Vega-Lite compile warnings: ${messages.join("; ")}`);
  return out.spec as unknown as Record<string, unknown>;
}

/**
 * Asserts that every view with a mark (or the top level of a unit/layer spec) has positive numeric
 * width and height; concatenations are checked view by view.
 */
export function assertSized(spec: unknown, path = "spec"): void {
  const s = spec as Record<string, unknown>;
  for (const key of ["vconcat", "hconcat", "concat"]) {
    const parts = s[key];
    if (Array.isArray(parts)) {
      parts.forEach((p, i) => assertSized(p, `${path}.${key}[${i}]`));
      return;
    }
  }
  for (const dim of ["width", "height"]) {
    const v = s[dim];
    assert(typeof v === "number" && v > 0, `${path}.${dim} should be a positive number, got ${v}`);
  }
}

/** The inline data rows of a unit or layer spec. */
export function dataValues(spec: unknown): Record<string, unknown>[] {
  const values = (spec as { data?: { values?: unknown } }).data?.values;
  assert(Array.isArray(values), "spec has no inline data values");
  return values as Record<string, unknown>[];
}
