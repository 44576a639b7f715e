import { assertEquals, assertThrows } from "../_assert.ts";
import { watchParent } from "../../lib/exporter/parent_watch.ts";

Deno.test("watchParent fires once when the parent PID changes, never while it stays", async () => {
  let ppid = 42;
  const calls: [number, number][] = [];
  const watch = watchParent((from, to) => calls.push([from, to]), {
    intervalMs: 2,
    ppid: () => ppid,
  });
  await new Promise((r) => setTimeout(r, 20));
  assertEquals(calls, []);
  ppid = 1;
  await new Promise((r) => setTimeout(r, 20));
  ppid = 7;
  await new Promise((r) => setTimeout(r, 20));
  watch.stop();
  assertEquals(calls, [[42, 1]]);
});

Deno.test("watchParent rejects a non-positive interval", () => {
  assertThrows(() => watchParent(() => {}, { intervalMs: 0 }), RangeError, "got 0 ms");
});
