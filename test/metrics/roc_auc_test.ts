import { assert, assertEquals, assertRelativeEquals, assertThrows } from "../_assert.ts";
import { rocAuc } from "../../lib/metrics/roc_auc.ts";
import { seededRandom } from "../../lib/stats/random.ts";
import { cases } from "./_golden.ts";

Deno.test("rocAuc() equals sklearn's roc_auc_score for binary scores, and 1 − AUC when reversed", () => {
  for (const c of cases("binary")) {
    assertRelativeEquals(rocAuc(c.y, c.scores).value, c.roc_auc, 1e-9, c.name);
    const reversed = rocAuc(c.y, c.scores.map((v: number) => -v)).value;
    assertRelativeEquals(reversed, c.roc_auc_reversed, 1e-9, c.name);
    assertRelativeEquals(reversed, 1 - c.roc_auc, 1e-12, c.name);
  }
});

Deno.test("rocAuc() equals sklearn's multiclass OvR and OvO (Hand & Till), macro and weighted", () => {
  for (const c of cases("multiclass")) {
    for (const multiClass of ["ovr", "ovo"] as const) {
      for (const average of ["macro", "weighted"] as const) {
        const r = rocAuc(c.y, c.proba, { multiClass, average });
        const want = c.roc_auc[`${multiClass}|${average}`];
        if (typeof want === "string") {
          assertEquals(r.status, "error", `${c.name} ${multiClass} ${average}`);
          assert(Number.isNaN(r.value));
        } else {
          assertEquals(r.status, "ok");
          assertRelativeEquals(r.value, want, 1e-9, `${c.name} ${multiClass} ${average}`);
        }
      }
    }
  }
});

Deno.test("rocAuc() equals the brute-force Mann–Whitney probability with ties counted ½", () => {
  const rand = seededRandom(21);
  for (let t = 0; t < 5; t++) {
    const y = Int32Array.from({ length: 700 }, () => (rand() < 0.35 ? 1 : 0));
    const s = Float64Array.from(y, (v) => Math.round((rand() + 0.2 * v) * 8) - 4);
    let wins = 0, pairs = 0;
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 1) continue;
      for (let j = 0; j < y.length; j++) {
        if (y[j] !== 0) continue;
        pairs++;
        wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
    assertRelativeEquals(rocAuc(y, s).value, wins / pairs, 1e-12);
  }
});

Deno.test("rocAuc() ranks negative scores that differ in their last bits, and -0 with 0", () => {
  // 900 scores sharing their first 32 bits (long runs ordered by the low word), of both signs
  const y = Int32Array.from({ length: 900 }, (_, i) => ((i * 7919) % 5 < 2 ? 1 : 0));
  const s = Float64Array.from(y, (_, i) => {
    if (i % 30 === 0) return i % 60 === 0 ? -0 : 0;
    const tiny = ((i * 104729) % 400) * 2 ** -52;
    return i % 2 === 0 ? -(1.5 + tiny) : 1.5 + tiny;
  });
  let wins = 0, pairs = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  assertRelativeEquals(rocAuc(y, s).value, wins / pairs, 1e-12);
});

Deno.test("rocAuc() stays in [0, 1] and is 0.5 for constant scores", () => {
  const rand = seededRandom(11);
  for (let t = 0; t < 20; t++) {
    const y = Int32Array.from({ length: 50 }, (_, i) => (i < 2 ? i : rand() < 0.5 ? 1 : 0));
    const v = rocAuc(y, Float64Array.from(y, () => Math.floor(rand() * 4))).value;
    assert(v >= 0 && v <= 1, `AUC ${v}`);
  }
  assertEquals(rocAuc([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]).value, 0.5);
});

Deno.test("rocAuc() with one class present is an error result, not an exception", () => {
  const r = rocAuc([0, 0, 0], [0.1, 0.5, 0.9]);
  assertEquals(r.status, "error");
  assert(r.reason!.includes("Only one class"));
  assertEquals(
    Object.keys(r).sort(),
    Object.keys(rocAuc([0, 1], [0.1, 0.5])).concat("reason").sort(),
  );
  const ovo = rocAuc([1, 1], [0.2, 0.5, 0.3, 0.2, 0.5, 0.3], { multiClass: "ovo" });
  assertEquals(ovo.status, "error");
});

Deno.test("rocAuc() rejects probability rows that do not sum to 1 and names the row", () => {
  assertThrows(
    () => rocAuc([0, 1, 2], [0.5, 0.5, 0, 0.2, 0.2, 0.2, 0, 0, 1]),
    RangeError,
    "proba row 1 sums to",
  );
  assertThrows(
    () => rocAuc([0, 1, 2], [0.5, 0.5, 0, NaN, 0.5, 0.5, 0, 0, 1]),
    RangeError,
    "row 1, class 0 is NaN",
  );
  assertThrows(
    () => rocAuc([0, 1, 3], [0.5, 0.5, 0, 0.5, 0.5, 0, 0, 0, 1]),
    RangeError,
    "yTrue[2] is 3",
  );
  assertThrows(() => rocAuc([0, 1, 2], [0.5, 0.5, 0, 0.5]), TypeError);
});
