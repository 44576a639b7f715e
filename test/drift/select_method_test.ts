import { assertEquals, assertThrows } from "../_assert.ts";
import { selectDriftMethod } from "../../lib/drift/select_method.ts";
import type { ColumnKind } from "../../lib/data/schema.ts";

const TABLE: [ColumnKind, number, number, string, number, "numeric" | "categorical", string][] = [
  // kind, nReference, nUnique → method, threshold, treatAs, rule
  ["numeric", 1000, 6, "ks", 0.05, "numeric", "reference <= 1000 rows, numeric, >5 unique → ks"],
  [
    "numeric",
    150,
    5,
    "chi_square",
    0.05,
    "categorical",
    "reference <= 1000 rows, numeric, <=5 unique, >2 unique → chi_square",
  ],
  [
    "numeric",
    150,
    3,
    "chi_square",
    0.05,
    "categorical",
    "reference <= 1000 rows, numeric, <=5 unique, >2 unique → chi_square",
  ],
  [
    "numeric",
    150,
    2,
    "z_test",
    0.05,
    "categorical",
    "reference <= 1000 rows, numeric, <=5 unique, <=2 unique → z_test",
  ],
  [
    "categorical",
    1000,
    3,
    "chi_square",
    0.05,
    "categorical",
    "reference <= 1000 rows, categorical, >2 unique → chi_square",
  ],
  [
    "categorical",
    10,
    40,
    "chi_square",
    0.05,
    "categorical",
    "reference <= 1000 rows, categorical, >2 unique → chi_square",
  ],
  [
    "categorical",
    1000,
    2,
    "z_test",
    0.05,
    "categorical",
    "reference <= 1000 rows, categorical, <=2 unique → z_test",
  ],
  [
    "boolean",
    500,
    2,
    "z_test",
    0.05,
    "categorical",
    "reference <= 1000 rows, boolean, <=2 unique → z_test",
  ],
  [
    "categorical",
    500,
    1,
    "z_test",
    0.05,
    "categorical",
    "reference <= 1000 rows, categorical, <=2 unique → z_test",
  ],
  [
    "numeric",
    1001,
    6,
    "wasserstein_normed",
    0.1,
    "numeric",
    "reference > 1000 rows, numeric, >5 unique → wasserstein_normed",
  ],
  [
    "numeric",
    5000,
    5,
    "jensen_shannon",
    0.1,
    "categorical",
    "reference > 1000 rows, numeric, <=5 unique → jensen_shannon",
  ],
  [
    "categorical",
    1001,
    3,
    "jensen_shannon",
    0.1,
    "categorical",
    "reference > 1000 rows, categorical → jensen_shannon",
  ],
  [
    "categorical",
    1001,
    2,
    "jensen_shannon",
    0.1,
    "categorical",
    "reference > 1000 rows, categorical → jensen_shannon",
  ],
  [
    "boolean",
    2000,
    2,
    "jensen_shannon",
    0.1,
    "categorical",
    "reference > 1000 rows, boolean → jensen_shannon",
  ],
];

Deno.test("selectDriftMethod() follows Evidently's default table, branch by branch", () => {
  for (const [kind, nReference, nUnique, method, threshold, treatAs, rule] of TABLE) {
    const s = selectDriftMethod({ kind, nReference, nUnique });
    const label = `${kind} n=${nReference} u=${nUnique}`;
    assertEquals(s.method, method, label);
    assertEquals(s.threshold, threshold, label);
    assertEquals(s.treatAs, treatAs, label);
    assertEquals(s.rule, rule, label);
  }
});

Deno.test("selectDriftMethod() boundaries are inclusive: 1000 rows is small, 5 values categorical", () => {
  assertEquals(selectDriftMethod({ kind: "numeric", nReference: 1000, nUnique: 100 }).method, "ks");
  assertEquals(
    selectDriftMethod({ kind: "numeric", nReference: 1001, nUnique: 100 }).method,
    "wasserstein_normed",
  );
  assertEquals(
    selectDriftMethod({ kind: "numeric", nReference: 10, nUnique: 5 }).method,
    "chi_square",
  );
  assertEquals(selectDriftMethod({ kind: "numeric", nReference: 10, nUnique: 6 }).method, "ks");
});

Deno.test("selectDriftMethod() cut-offs are options", () => {
  const options = { smallReferenceMax: 100, maxUniqueAsCategorical: 10 };
  const s = selectDriftMethod({ kind: "numeric", nReference: 101, nUnique: 10 }, options);
  assertEquals(s.method, "jensen_shannon");
  assertEquals(s.rule, "reference > 100 rows, numeric, <=10 unique → jensen_shannon");
  assertEquals(
    selectDriftMethod({ kind: "numeric", nReference: 100, nUnique: 11 }, options).method,
    "ks",
  );
});

Deno.test("selectDriftMethod() rejects unknown kinds and bad counts", () => {
  assertThrows(
    () => selectDriftMethod({ kind: "text" as ColumnKind, nReference: 1, nUnique: 1 }),
    TypeError,
    'unknown column kind "text"',
  );
  assertThrows(
    () => selectDriftMethod({ kind: "numeric", nReference: -1, nUnique: 1 }),
    RangeError,
    "nReference",
  );
  assertThrows(
    () => selectDriftMethod({ kind: "numeric", nReference: 1, nUnique: 1.5 }),
    RangeError,
    "nUnique",
  );
});
