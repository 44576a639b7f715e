import { assertEquals, assertThrows } from "../_assert.ts";
import { confusionMatrix } from "../../lib/metrics/confusion_matrix.ts";
import { GOLDEN } from "./_golden.ts";

Deno.test("confusionMatrix() equals sklearn's confusion_matrix on every golden case", () => {
  for (const c of GOLDEN.cases) {
    const cm = confusionMatrix(Int32Array.from(c.y), c.y_pred, { nClasses: c.k });
    assertEquals(cm.matrix, c.labels.confusion, c.name);
    assertEquals(cm.n, c.y.length);
  }
});

Deno.test("confusionMatrix() infers k from the largest label and names classes", () => {
  const cm = confusionMatrix([0, 3], [1, 3], { labels: ["a", "b", "c", "d"] });
  assertEquals(cm.labels, ["a", "b", "c", "d"]);
  assertEquals(confusionMatrix([0, 3], [1, 3]).nClasses, 4);
  assertEquals(confusionMatrix([], []).matrix, [[0, 0], [0, 0]]);
});

Deno.test("confusionMatrix() rejects mismatched lengths and invalid labels", () => {
  assertThrows(() => confusionMatrix([0, 1], [0]), TypeError, "yTrue has 2 values but yPred has 1");
  assertThrows(() => confusionMatrix([0, 1.5], [0, 1]), RangeError, "yTrue[1] is 1.5");
  assertThrows(() => confusionMatrix([0, 1], [0, -1]), RangeError, "yPred[1] is -1");
  assertThrows(
    () => confusionMatrix([0, 2], [0, 1], { nClasses: 2 }),
    RangeError,
    "yTrue[1] is 2, expected an integer class index in 0..1",
  );
  assertThrows(() => confusionMatrix([0, NaN], [0, 1]), RangeError, "yTrue[1] is NaN");
});
