import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";
import {
  aif360EqualOpportunityDifference,
  averageOddsDifference,
  demographicParityDifference,
  demographicParityRatio,
  disparateImpact,
  equalizedOddsDifference,
  equalizedOddsRatio,
  equalOpportunityDifference,
  equalOpportunityRatio,
  statisticalParityDifference,
  theilIndex,
} from "../../lib/fairness/mod.ts";
import type { FairnessResult, ParityMethod } from "../../lib/fairness/mod.ts";
import { CASES, input, num } from "./_golden.ts";

const TOL = 1e-12;
const METHODS: ParityMethod[] = ["between_groups", "to_overall"];

function close(r: FairnessResult, expected: number, what: string) {
  if (Number.isNaN(expected)) {
    assertEquals(r.status, "error", `${what}: expected an error result`);
    return;
  }
  assertEquals(r.status, "ok", `${what}: ${r.reason}`);
  assertAlmostEquals(r.value, expected, TOL, what);
}

Deno.test("fairlearn's doc example gives its published values (0.25, 2/3, 1.0, 0.0)", () => {
  const data = input(CASES.find((c) => c.name === "fairlearn_docs")!);
  const o = { minGroupSize: 1 };
  assertAlmostEquals(demographicParityDifference(data, o).value, 0.25, TOL);
  assertAlmostEquals(demographicParityRatio(data, o).value, 2 / 3, TOL);
  assertEquals(equalizedOddsDifference(data, o).value, 1);
  assertEquals(equalizedOddsRatio(data, o).value, 0);
});

Deno.test("fairlearn-convention measures match the numpy golden values to 1e-12", () => {
  for (const c of CASES) {
    const data = input(c);
    for (const method of METHODS) {
      const o = { minGroupSize: 1, method };
      const at = (key: string) => num(c.fairlearn[key]);
      const tag = `${c.name} ${method}`;
      close(
        demographicParityDifference(data, o),
        at(`demographic_parity_difference/${method}`),
        tag,
      );
      close(demographicParityRatio(data, o), at(`demographic_parity_ratio/${method}`), tag);
      close(equalOpportunityDifference(data, o), at(`equal_opportunity_difference/${method}`), tag);
      close(equalOpportunityRatio(data, o), at(`equal_opportunity_ratio/${method}`), tag);
      for (const agg of ["worst_case", "mean"] as const) {
        close(
          equalizedOddsDifference(data, { ...o, agg }),
          at(`equalized_odds_difference/${method}/${agg}`),
          `${tag} eod ${agg}`,
        );
        close(
          equalizedOddsRatio(data, { ...o, agg }),
          at(`equalized_odds_ratio/${method}/${agg}`),
          `${tag} eor ${agg}`,
        );
      }
    }
  }
});

Deno.test("AIF360-convention measures match the numpy golden values to 1e-12", () => {
  for (const c of CASES) {
    const data = input(c);
    for (const a of c.aif360) {
      const o = {
        minGroupSize: 1,
        privileged: a.privileged,
        ...(a.unprivileged === null ? {} : { unprivileged: a.unprivileged }),
      };
      const tag = `${c.name} ${a.privileged}/${a.unprivileged}`;
      close(disparateImpact(data, o), num(a.expected.disparate_impact), tag);
      close(
        statisticalParityDifference(data, o),
        num(a.expected.statistical_parity_difference),
        tag,
      );
      close(
        aif360EqualOpportunityDifference(data, o),
        num(a.expected.equal_opportunity_difference),
        tag,
      );
      close(averageOddsDifference(data, o), num(a.expected.average_odds_difference), tag);
      assertEquals(disparateImpact(data, o).convention, "aif360");
    }
    close(theilIndex(data, { minGroupSize: 1 }), c.theil, `${c.name} theil`);
  }
});

Deno.test("results are JSON-serialisable and say their convention", () => {
  const data = input(CASES[2]!);
  const r = equalizedOddsDifference(data, { minGroupSize: 1, agg: "mean" });
  const back = JSON.parse(JSON.stringify(r));
  assertEquals(back, r);
  assertEquals(r.convention, "fairlearn");
  assertEquals(r.details.agg, "mean");
  assert(Object.keys(r.details).includes("perRate"));
});
