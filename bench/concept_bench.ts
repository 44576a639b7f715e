/**
 * Updates per second of each concept-drift detector over 1e6 values:
 * `deno bench bench/concept_bench.ts`. Binary detectors read a seeded 0/1 error stream (20 %
 * errors, 35 % from the middle on), real-valued ones a seeded normal stream whose mean moves by
 * 0.5 sd in the middle. Each iteration feeds the whole stream to a fresh detector; updates/s =
 * 1e6 / the reported time per iteration.
 *
 * @module
 */
import { conceptDriftDetector, type ConceptDriftMethod } from "../lib/concept/mod.ts";
import { normalRandom, seededRandom } from "../lib/stats/random.ts";

const N = 1_000_000;
const random = seededRandom(12);
const normal = normalRandom(random);
const binary = new Float64Array(N);
const real = new Float64Array(N);
for (let i = 0; i < N; i++) {
  binary[i] = random() < (i < N / 2 ? 0.2 : 0.35) ? 1 : 0;
  real[i] = normal() + (i < N / 2 ? 0 : 0.5);
}

function feed(method: ConceptDriftMethod, stream: Float64Array): number {
  const detector = conceptDriftDetector(method);
  let drifts = 0;
  for (let i = 0; i < stream.length; i++) if (detector.update(stream[i]!).drift) drifts++;
  return drifts;
}

const binaryMethods: ConceptDriftMethod[] = ["ddm", "eddm", "hddm_a", "hddm_w"];
for (const method of binaryMethods) {
  Deno.bench(`${method} 1e6 updates`, { group: "binary" }, () => {
    feed(method, binary);
  });
}
for (const method of ["page_hinkley", "adwin"] as const) {
  Deno.bench(`${method} 1e6 updates`, { group: "real" }, () => {
    feed(method, real);
  });
}
Deno.bench("kswin 1e6 updates", { group: "real", n: 2, warmup: 1 }, () => {
  feed("kswin", real);
});
