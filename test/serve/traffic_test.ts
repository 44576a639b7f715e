import { assert, assertAlmostEquals, assertEquals, assertRejects } from "../_assert.ts";
import { runTraffic, type TrafficOptions } from "../../lib/serve/traffic.ts";
import { loadIris } from "../../lib/data/iris.ts";
import { irisService, SERVED } from "./_service.ts";

const IRIS = (await loadIris()).table;

/** Runs traffic against an in-process service with a memory log; returns the report and log. */
async function run(options: Partial<TrafficOptions>, capacity?: number) {
  const service = irisService(capacity === undefined ? {} : { capacity });
  const sent: { path: string; body: Record<string, unknown> }[] = [];
  const report = await runTraffic("http://127.0.0.1:8080", IRIS, {
    features: SERVED.model.featureNames,
    rate: 1000,
    labelDelayMs: 1,
    maxInFlight: 100_000, // no tick skipped, however late a loaded machine runs them
    ...options,
    fetch: async (url, init) => {
      sent.push({ path: new URL(url).pathname, body: JSON.parse(String(init.body)) });
      return await service.handle(new Request(url, init));
    },
  });
  await service.log.flush();
  return { report, sent, service };
}

Deno.test("runTraffic() sends maxRequests predictions and labels every one when labelShare is 1", async () => {
  const { report, sent, service } = await run({ maxRequests: 20, batchRows: 3, labelShare: 1 });
  assertEquals(report.predictStatus, { "200": 20 });
  assertEquals(report.predictions, 60);
  assertEquals(report.labelsSent, 60);
  assertEquals(report.labelsWithheld + report.labelsDropped + report.labelErrors, 0);
  assertEquals(sent.filter((s) => s.path === "/predict").length, 20);
  const rows = await service.store.count();
  assertEquals(rows.predictions, 60);
  assertEquals(rows.labels, 60);
  await service.log.close();
});

Deno.test("runTraffic() withholds about 1 - labelShare of the labels, the same ones for the same seed", async () => {
  const a = await run({ maxRequests: 400, labelShare: 0.7, seed: 3 });
  const b = await run({ maxRequests: 400, labelShare: 0.7, seed: 3 });
  assertEquals(a.report.predictions, 400);
  assertEquals(a.report.labelsSent + a.report.labelsWithheld, 400);
  assertAlmostEquals(a.report.labelsSent / 400, 0.7, 0.07);
  assertEquals(a.report.labelsSent, b.report.labelsSent);
  const rows = (s: typeof a.sent) => s.filter((x) => x.path === "/predict").map((x) => x.body.rows);
  assertEquals(rows(a.sent), rows(b.sent));
  await a.service.log.close();
  await b.service.log.close();
});

Deno.test("runTraffic() shifts petal length once the drift window is reached", async () => {
  // Windows of 0.5 s at 200 requests/s: about 100 requests each; the drift starts in window 1.
  const { sent, service } = await run({
    maxRequests: 300,
    rate: 200,
    windowSeconds: 0.5,
    schedule: { pattern: "sudden", start: 1 },
    labelShare: 0,
  });
  const petal = sent.filter((s) => s.path === "/predict").map((s) =>
    (s.body.rows as number[][])[0]![2]!
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const before = mean(petal.slice(0, 90));
  const after = mean(petal.slice(110));
  // Iris petal length: mean 3.76, sd 1.77; the default change shifts it by 2 sd.
  assertAlmostEquals(before, 3.76, 0.5);
  assertAlmostEquals(after - before, 2 * 1.77, 0.6);
  await service.log.close();
});

Deno.test("runTraffic() stops at durationSeconds and drops labels not yet due", async () => {
  const t0 = performance.now();
  const { report, service } = await run({ rate: 50, durationSeconds: 0.3, labelDelayMs: 10_000 });
  const took = performance.now() - t0;
  assert(took < 2000, `took ${took} ms`);
  assert(report.predictions >= 10 && report.predictions <= 16, String(report.predictions));
  assertEquals(report.labelsSent, 0);
  assertEquals(report.labelsDropped + report.labelsWithheld, report.predictions);
  await service.log.close();
});

Deno.test("runTraffic() counts refused predictions by status and sends no labels for them", async () => {
  // A batch larger than the log's capacity is refused with 503 every time.
  const { report, sent, service } = await run({ maxRequests: 5, batchRows: 10, labelShare: 1 }, 5);
  assertEquals(report.predictStatus, { "503": 5 });
  assertEquals(report.predictions, 0);
  assertEquals(sent.filter((s) => s.path === "/labels").length, 0);
  await service.log.close();
});

Deno.test("runTraffic() skips ticks rather than queue more than maxInFlight requests", async () => {
  const service = irisService();
  let waiting = 0;
  let most = 0;
  const report = await runTraffic("http://127.0.0.1:8080", IRIS, {
    features: SERVED.model.featureNames,
    rate: 1000,
    maxRequests: 100,
    maxInFlight: 3,
    labelShare: 0,
    fetch: async (url, init) => {
      most = Math.max(most, ++waiting);
      await new Promise((r) => setTimeout(r, 20));
      waiting--;
      return await service.handle(new Request(url, init));
    },
  });
  assertEquals(most, 3);
  assert(report.skipped > 50, `skipped ${report.skipped}`);
  assertEquals(report.predictions + report.skipped, 100);
  await service.log.close();
});

Deno.test("runTraffic() stops early on its signal", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const t0 = performance.now();
  const { report, service } = await run({
    rate: 20,
    durationSeconds: 30,
    signal: controller.signal,
  });
  // A tick every 50 ms: 2 or 3 before the abort, a few more if the machine runs timers late.
  assert(performance.now() - t0 < 5000, "the signal did not stop the run");
  assert(report.predictions >= 1 && report.predictions <= 10, String(report.predictions));
  await service.log.close();
});

Deno.test("runTraffic() refuses hosts other than loopback and out-of-range options", async () => {
  const features = SERVED.model.featureNames;
  await assertRejects(
    () => runTraffic("http://10.0.0.1:8080", IRIS, { features }),
    RangeError,
    "loopback",
  );
  await assertRejects(
    () => runTraffic("http://127.0.0.1:8080", IRIS, { features, labelShare: 1.5 }),
    RangeError,
    "labelShare",
  );
  await assertRejects(
    () => runTraffic("http://127.0.0.1:8080", IRIS, { features: ["nope"] }),
    TypeError,
    '"nope"',
  );
});
