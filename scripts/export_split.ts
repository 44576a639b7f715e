/**
 * Writes Vigil's seed-42 stratified 80/20 split of Iris to `test/golden/iris_split.json`, so that
 * `test/golden/model_golden.py` trains scikit-learn on exactly the rows Vigil trains on
 * (`trainTestSplit` does not reproduce scikit-learn's choice of rows).
 *
 * Usage: `deno run --allow-read --allow-write scripts/export_split.ts`, then
 * `/usr/bin/python3 test/golden/model_golden.py`.
 *
 * @module
 */

import { loadIris } from "../lib/data/iris.ts";
import { trainTestSplit } from "../lib/data/split.ts";

/** The split the golden files pin: Iris, stratified by species. */
export const IRIS_SPLIT_OPTIONS = { testSize: 0.2, seed: 42 } as const;

if (import.meta.main) {
  const iris = await loadIris();
  const { train, test } = trainTestSplit(iris.y.length, {
    ...IRIS_SPLIT_OPTIONS,
    stratify: iris.y,
  });
  const out = {
    description:
      "Vigil trainTestSplit(150, { testSize: 0.2, seed: 42, stratify: species }) on data/iris.csv",
    generator: "scripts/export_split.ts",
    ...IRIS_SPLIT_OPTIONS,
    stratify: "species",
    train: Array.from(train),
    test: Array.from(test),
  };
  const path = new URL("../test/golden/iris_split.json", import.meta.url);
  // One line per field keeps the index lists readable in diffs.
  const lines = Object.entries(out).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  await Deno.writeTextFile(path, `{\n${lines.join(",\n")}\n}\n`);
  console.log(`wrote ${path.pathname}: ${train.length} train, ${test.length} test rows`);
}
