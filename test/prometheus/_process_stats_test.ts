import { assert, assertEquals } from "../_assert.ts";
import { createProcessSampler } from "../../lib/prometheus/_process_stats.ts";

Deno.test("createProcessSampler() counts open descriptors through an ls child when /proc/self is refused", async () => {
  // The suite runs without --allow-all, so Deno refuses /proc/self/fd and the sampler falls back.
  const sampler = createProcessSampler({ cacheMs: 0 });
  assertEquals(sampler.fdSource, "ls");
  const first = sampler.sample().openFds;
  assert(first !== undefined && first >= 3, `expected stdin/stdout/stderr at least, got ${first}`);
  const file = await Deno.open(new URL(import.meta.url));
  try {
    // The background refresh lags by one reading: wait for it to land.
    let seen = first;
    for (let i = 0; i < 50 && seen <= first; i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = sampler.sample().openFds ?? 0;
    }
    assert(seen > first, `opening a file should raise the count above ${first}, got ${seen}`);
  } finally {
    file.close();
  }
});

Deno.test("createProcessSampler() reports no descriptor source when the fallback is off", () => {
  const sampler = createProcessSampler({ lsFallback: false });
  assertEquals(sampler.fdSource, "none");
  assertEquals(sampler.sample().openFds, undefined);
});
