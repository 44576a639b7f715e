import { assert, assertAlmostEquals, assertEquals, assertThrows } from "../_assert.ts";
import { confusionMatrixChart } from "../../lib/charts/confusion_matrix_chart.ts";
import { dataValues } from "./_spec_check.ts";

const names = ["a", "b", "c"];
const nested = [[5, 1, 0], [2, 7, 1], [0, 0, 0]];

function cells(spec: unknown) {
  return dataValues(spec) as { actual: string; predicted: string; count: number; value: number }[];
}

Deno.test("confusionMatrixChart() reads flat row-major typed arrays like nested rows", () => {
  const flat = Int32Array.from(nested.flat());
  assertEquals(
    cells(confusionMatrixChart({ matrix: flat, classNames: names })),
    cells(confusionMatrixChart({ matrix: nested, classNames: names })),
  );
});

Deno.test("confusionMatrixChart() puts actual classes on rows as scikit-learn does", () => {
  const cell = cells(confusionMatrixChart({ matrix: nested, classNames: names }))
    .find((d) => d.actual === "b" && d.predicted === "a");
  assertEquals(cell?.count, 2);
});

Deno.test("confusionMatrixChart() normalises by actual row, predicted column or total", () => {
  const sum = (xs: number[]) => xs.reduce((p, q) => p + q, 0);
  const byTrue = cells(
    confusionMatrixChart({ matrix: nested, classNames: names }, { normalize: "true" }),
  );
  for (const a of ["a", "b"]) {
    assertAlmostEquals(sum(byTrue.filter((d) => d.actual === a).map((d) => d.value)), 1, 1e-12);
  }
  // An empty actual row normalises to 0, as sklearn's confusion_matrix(normalize="true") does.
  assertEquals(byTrue.filter((d) => d.actual === "c").map((d) => d.value), [0, 0, 0]);
  const byPred = cells(
    confusionMatrixChart({ matrix: nested, classNames: names }, { normalize: "pred" }),
  );
  for (const p of names) {
    assertAlmostEquals(sum(byPred.filter((d) => d.predicted === p).map((d) => d.value)), 1, 1e-12);
  }
  const all = cells(
    confusionMatrixChart({ matrix: nested, classNames: names }, { normalize: "all" }),
  );
  assertAlmostEquals(sum(all.map((d) => d.value)), 1, 1e-12);
  assertEquals(all.find((d) => d.actual === "b" && d.predicted === "b")?.value, 7 / 16);
});

Deno.test("confusionMatrixChart() labels cells with counts, or shares when normalised", () => {
  const raw = dataValues(confusionMatrixChart({ matrix: nested, classNames: names }));
  assertEquals(raw[0]!.label, "5");
  const shares = dataValues(
    confusionMatrixChart({ matrix: nested, classNames: names }, { normalize: "true", digits: 3 }),
  );
  assertEquals(shares[0]!.label, (5 / 6).toFixed(3));
});

Deno.test("confusionMatrixChart() keeps class order on both axes and is square by default", () => {
  const spec = confusionMatrixChart({ matrix: nested, classNames: ["z", "y", "x"] }) as unknown as {
    width: number;
    height: number;
    encoding: { x: { sort: string[] }; y: { sort: string[] } };
  };
  assertEquals(spec.encoding.x.sort, ["z", "y", "x"]);
  assertEquals(spec.encoding.y.sort, ["z", "y", "x"]);
  assertEquals([spec.width, spec.height], [300, 300]);
  const sized = confusionMatrixChart({ matrix: nested, classNames: names }, { width: 500 });
  assert("width" in sized && sized.width === 500);
});

Deno.test("confusionMatrixChart() rejects mismatched shapes and negative counts", () => {
  assertThrows(
    () => confusionMatrixChart({ matrix: [1, 2, 3], classNames: ["a", "b"] }),
    TypeError,
    "expected 2² = 4",
  );
  assertThrows(
    () => confusionMatrixChart({ matrix: [[1, 2]], classNames: ["a", "b"] }),
    TypeError,
    "1 rows",
  );
  assertThrows(
    () => confusionMatrixChart({ matrix: [[1], [2, 3]], classNames: ["a", "b"] }),
    TypeError,
    "row 0",
  );
  assertThrows(
    () => confusionMatrixChart({ matrix: [1, -2, 3, 4], classNames: ["a", "b"] }),
    RangeError,
    "-2",
  );
  assertThrows(
    () => confusionMatrixChart({ matrix: [], classNames: [] }),
    TypeError,
    "no class names",
  );
});

Deno.test("confusionMatrixChart() does not mutate its input", () => {
  const m = [[1, 2], [3, 4]];
  confusionMatrixChart({ matrix: m, classNames: ["a", "b"] }, { normalize: "all" });
  assertEquals(m, [[1, 2], [3, 4]]);
});
