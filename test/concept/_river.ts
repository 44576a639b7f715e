/**
 * River's docstring examples from `test/golden/concept.json`: the streams (drawn by CPython's
 * `random`) and the indices River prints for them.
 *
 * @module
 */
import type { ConceptDriftMethod, Detections } from "../../lib/concept/mod.ts";

/** One docstring example. */
export interface RiverExample {
  stream: number[];
  options: Record<string, number>;
  drifts: number[];
  /** The first warning after the start and after each drift, as the docstrings print them. */
  firstWarnings?: number[];
}

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/concept.json", import.meta.url)),
) as {
  streams: Record<string, number[]>;
  detectors: Record<
    string,
    { stream: string; options: Record<string, number>; drifts: number[]; first_warnings?: number[] }
  >;
};

/** The docstring example of `method`. */
export function riverExample(method: ConceptDriftMethod): RiverExample {
  const d = golden.detectors[method]!;
  const out: RiverExample = {
    stream: golden.streams[d.stream]!,
    options: d.options,
    drifts: d.drifts,
  };
  if (d.first_warnings !== undefined) out.firstWarnings = d.first_warnings;
  return out;
}

/** The warnings River's docstring loop prints: the first one after the start and each drift. */
export function firstWarnings(found: Detections): number[] {
  const drifts = new Set(found.drifts), warnings = new Set(found.warnings);
  const end = Math.max(-1, ...found.drifts, ...found.warnings);
  const out: number[] = [];
  let armed = true;
  for (let i = 0; i <= end; i++) {
    if (warnings.has(i) && armed) {
      out.push(i);
      armed = false;
    }
    if (drifts.has(i)) armed = true;
  }
  return out;
}
