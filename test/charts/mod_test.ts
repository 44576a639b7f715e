import { assert, assertEquals, assertThrows } from "../_assert.ts";
import type { TopLevelSpec } from "vega-lite";
import { VEGA_LITE_SCHEMA, VIGIL_FONT, VIGIL_THEME } from "../../lib/charts/mod.ts";
import { EXAMPLES } from "./_examples.ts";
import { assertSized, compileStrict } from "./_spec_check.ts";

for (const { name, spec } of EXAMPLES) {
  Deno.test(`${name} compiles with Vega-Lite without warnings`, () => {
    const vg = compileStrict(spec);
    assert(Array.isArray(vg.marks) && vg.marks.length > 0, "compiled spec has marks");
  });

  Deno.test(`${name} has an explicit width and height on every view`, () => {
    assertSized(spec);
  });

  Deno.test(`${name} carries the schema, a title and the shared theme`, () => {
    const s = spec as unknown as Record<string, unknown>;
    assertEquals(s.$schema, VEGA_LITE_SCHEMA);
    assert(s.title !== undefined, "has a title");
    assertEquals(s.config, VIGIL_THEME);
  });

  Deno.test(`${name} is plain JSON (survives a JSON round trip unchanged)`, () => {
    assertEquals(JSON.parse(JSON.stringify(spec)), spec);
  });
}

Deno.test("the theme draws all text in DejaVu Sans", () => {
  assertEquals(VIGIL_THEME.font, VIGIL_FONT);
  assertEquals(VIGIL_FONT, "DejaVu Sans");
});

Deno.test("compileStrict() rejects a spec that makes Vega-Lite warn", () => {
  assertThrows(
    () =>
      compileStrict(
        ({
          width: 10,
          height: 10,
          data: { values: [{ a: 1 }] },
          mark: "bar",
          // Shape cannot encode a quantitative field: Vega-Lite warns and drops the channel.
          encoding: {
            x: { field: "a", type: "quantitative" },
            shape: { field: "a", type: "quantitative" },
          },
        }) as unknown as TopLevelSpec,
      ),
    Error,
    "Vega-Lite compile warnings",
  );
});
