import { sklearnTrainTestSplit } from "../../lib/data/sklearn_split.ts";
import { assert, assertEquals, assertThrows } from "../_assert.ts";
import { assertGoldenIndices, type GoldenIndices } from "../_golden_indices.ts";

interface SplitCase {
  n: number;
  test_size?: number;
  train_size?: number;
  random_state?: number;
  shuffle?: boolean;
  error?: string;
  train?: GoldenIndices;
  test?: GoldenIndices;
}

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/sklearn_split.json", import.meta.url)),
) as { splits: SplitCase[]; irisArticle: { train: number[]; test: number[] } };

function optionsOf(c: SplitCase) {
  return {
    ...(c.test_size === undefined ? {} : { testSize: c.test_size }),
    ...(c.train_size === undefined ? {} : { trainSize: c.train_size }),
    ...(c.random_state === undefined ? {} : { randomState: c.random_state }),
    ...(c.shuffle === undefined ? {} : { shuffle: c.shuffle }),
  };
}

Deno.test("sklearnTrainTestSplit() picks scikit-learn's rows, in its order, for every case", async () => {
  assert(golden.splits.length >= 60, "the golden file lost its cases");
  for (const c of golden.splits) {
    const where = JSON.stringify(optionsOf(c)) + ` n=${c.n}`;
    if (c.error !== undefined) {
      assertThrows(() => sklearnTrainTestSplit(c.n, optionsOf(c)), RangeError, `${c.n} row`);
      continue;
    }
    const s = sklearnTrainTestSplit(c.n, optionsOf(c));
    await assertGoldenIndices(s.train, c.train!, `${where}: train`);
    await assertGoldenIndices(s.test, c.test!, `${where}: test`);
  }
});

Deno.test("sklearnTrainTestSplit() gives the article's 30 Iris test flowers", () => {
  const s = sklearnTrainTestSplit(150, { testSize: 0.2, randomState: 42 });
  assertEquals([...s.test], golden.irisArticle.test);
  assertEquals([...s.train], golden.irisArticle.train);
});

Deno.test("sklearnTrainTestSplit() computes ceil(testSize * n) in floating point, as Python", () => {
  // 0.07 * 100 is 7.000000000000001, so scikit-learn holds out 8 rows, not 7.
  assertEquals(sklearnTrainTestSplit(100, { testSize: 0.07, randomState: 0 }).test.length, 8);
  // An integer is a count: 1 means one row.
  assertEquals(sklearnTrainTestSplit(2, { testSize: 1, randomState: 0 }).test.length, 1);
});

Deno.test("sklearnTrainTestSplit() partitions the rows it keeps, leaving the rest out", () => {
  for (const options of [{ testSize: 0.2 }, { testSize: 7, trainSize: 20 }, { trainSize: 0.3 }]) {
    const s = sklearnTrainTestSplit(50, { ...options, randomState: 11 });
    const all = [...s.train, ...s.test];
    assertEquals(new Set(all).size, all.length, "no row in both sets");
    assert(all.every((i) => i < 50), "indices in range");
  }
  const s = sklearnTrainTestSplit(50, { testSize: 7, trainSize: 20, randomState: 11 });
  assertEquals([s.train.length, s.test.length], [20, 7]);
});

Deno.test("sklearnTrainTestSplit() rejects sizes and seeds out of range", () => {
  const bad: [number, object, string][] = [
    [0, { randomState: 0 }, "positive integer"],
    [10, { testSize: 0, randomState: 0 }, "testSize must be"],
    [10, { testSize: -0.2, randomState: 0 }, "testSize must be"],
    [10, { testSize: 1.5, randomState: 0 }, "testSize must be"],
    [10, { testSize: NaN, randomState: 0 }, "testSize must be"],
    [10, { testSize: 10, randomState: 0 }, "integer in [1, 9]"],
    [10, { trainSize: 10, randomState: 0 }, "trainSize must be"],
    [10, { testSize: 0.6, trainSize: 0.5, randomState: 0 }, "more than 1"],
    [10, { testSize: 6, trainSize: 5, randomState: 0 }, "more than 10"],
    [1, { testSize: 0.5, randomState: 0 }, "training set empty"],
    [10, { testSize: 0.2, randomState: -1 }, "integer in [0, 2^32 - 1]"],
    [10, { testSize: 0.2, randomState: 2 ** 32 }, "integer in [0, 2^32 - 1]"],
  ];
  for (const [n, options, message] of bad) {
    assertThrows(() => sklearnTrainTestSplit(n, options), RangeError, message);
  }
  assertThrows(() => sklearnTrainTestSplit(10, { testSize: 0.2 }), TypeError, "randomState");
  // Without shuffling the seed is not needed, as in scikit-learn.
  assertEquals([...sklearnTrainTestSplit(4, { testSize: 1, shuffle: false }).test], [3]);
});
