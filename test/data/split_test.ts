import { trainTestSplit } from "../../lib/data/split.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";

function assertPartition(n: number, s: { train: Uint32Array; test: Uint32Array }): void {
  const all = [...s.train, ...s.test].sort((a, b) => a - b);
  assertEquals(
    all,
    Array.from({ length: n }, (_, i) => i),
    "train and test must cover 0..n-1 once",
  );
  for (const part of [s.train, s.test]) {
    for (let i = 1; i < part.length; i++) assert(part[i - 1]! < part[i]!, "indices must ascend");
  }
}

function classCounts(indices: Uint32Array, labels: ArrayLike<number>, k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const i of indices) counts[labels[i]!]!++;
  return counts;
}

Deno.test("trainTestSplit() puts ceil(testSize * n) rows in the test set", () => {
  const cases: [number, number, number][] = [[150, 0.2, 30], [10, 0.25, 3], [7, 0.5, 4], [
    30,
    0.1,
    3,
  ]];
  for (const [n, testSize, nTest] of cases) {
    const s = trainTestSplit(n, { testSize });
    assertEquals(s.test.length, nTest, `n=${n} testSize=${testSize}`);
    assertEquals(s.train.length, n - nTest);
    assertPartition(n, s);
  }
});

Deno.test("trainTestSplit() takes an integer testSize as a row count", () => {
  const s = trainTestSplit(20, { testSize: 7 });
  assertEquals([s.train.length, s.test.length], [13, 7]);
  assertEquals(trainTestSplit(2, { testSize: 1 }).test.length, 1);
});

Deno.test("trainTestSplit() is deterministic per seed and defaults to seed 42", () => {
  assertEquals(trainTestSplit(100, { seed: 7 }), trainTestSplit(100, { seed: 7 }));
  assertEquals(trainTestSplit(100), trainTestSplit(100, { seed: 42, testSize: 0.2 }));
  const a = trainTestSplit(100, { seed: 1 }).test.join();
  const b = trainTestSplit(100, { seed: 2 }).test.join();
  assert(a !== b, "different seeds should choose different rows");
});

Deno.test("trainTestSplit() with stratify keeps each class within one row of its share", () => {
  const labelSets = [
    Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1)),
    Array.from({ length: 97 }, (_, i) => (i * 7) % 3),
    Array.from({ length: 41 }, (_, i) => (i < 2 ? 5 : i < 11 ? 1 : 0)),
  ];
  for (const labels of labelSets) {
    for (const testSize of [0.1, 0.2, 0.33, 0.5, 0.8]) {
      for (const seed of [1, 2, 3]) {
        const s = trainTestSplit(labels.length, { testSize, seed, stratify: labels });
        assertPartition(labels.length, s);
        const k = Math.max(...labels) + 1;
        const total = classCounts(Uint32Array.from(labels.keys()), labels, k);
        const test = classCounts(s.test, labels, k);
        const train = classCounts(s.train, labels, k);
        total.forEach((size, c) => {
          if (size === 0) return;
          const share = (size * s.test.length) / labels.length;
          assert(
            Math.abs(test[c]! - share) < 1,
            `class ${c}: ${test[c]} test rows, share ${share}`,
          );
          assert(test[c]! >= 1 && train[c]! >= 1, `class ${c} must be in both sets`);
        });
      }
    }
  }
});

Deno.test("trainTestSplit() stratified on Iris puts 10 of each species in the test set", async () => {
  const { y } = await loadIris();
  const s = trainTestSplit(150, { stratify: y });
  assertEquals(classCounts(s.test, y, 3), [10, 10, 10]);
  assertEquals(classCounts(s.train, y, 3), [40, 40, 40]);
});

Deno.test("trainTestSplit() still gives the split pinned in test/golden/iris_split.json", async () => {
  const golden = JSON.parse(
    await Deno.readTextFile(new URL("../golden/iris_split.json", import.meta.url)),
  ) as { seed: number; testSize: number; train: number[]; test: number[] };
  const { y } = await loadIris();
  const s = trainTestSplit(150, { testSize: golden.testSize, seed: golden.seed, stratify: y });
  assertEquals([...s.train], golden.train);
  assertEquals([...s.test], golden.test);
});

Deno.test("trainTestSplit() does not mutate the stratify labels", () => {
  const labels = [1, 0, 1, 0, 1, 0, 1, 0];
  const copy = [...labels];
  trainTestSplit(8, { testSize: 0.5, stratify: labels });
  assertEquals(labels, copy);
});

Deno.test("trainTestSplit() rejects n and testSize that leave a set empty", () => {
  assertThrows(() => trainTestSplit(1), RangeError, "n must be an integer >= 2");
  assertThrows(() => trainTestSplit(10.5), RangeError, "10.5");
  assertThrows(() => trainTestSplit(-3), RangeError);
  for (const testSize of [0, -0.2, 1.5, NaN, Infinity]) {
    assertThrows(() => trainTestSplit(10, { testSize }), RangeError, "testSize");
  }
  assertThrows(() => trainTestSplit(10, { testSize: 10 }), RangeError, "need 1 to 9");
  assertThrows(() => trainTestSplit(10, { testSize: 0.99 }), RangeError, "10 test rows");
});

Deno.test("trainTestSplit() rejects stratify labels it cannot honour", () => {
  assertThrows(() => trainTestSplit(4, { stratify: [0, 1, 0] }), TypeError, "expected 4 labels");
  assertThrows(
    () => trainTestSplit(4, { testSize: 2, stratify: [0, NaN, 0, 1] }),
    RangeError,
    "row 1",
  );
  assertThrows(
    () => trainTestSplit(5, { testSize: 2, stratify: [0, 0, 1, 1, 2] }),
    RangeError,
    "class 2 has 1 row",
  );
  assertThrows(
    () => trainTestSplit(6, { testSize: 0.2, stratify: [0, 0, 1, 1, 2, 2] }),
    RangeError,
    "at least one row per class",
  );
});
