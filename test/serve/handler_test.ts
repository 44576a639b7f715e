import { assert, assertAlmostEquals, assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { irisService, post, SERVED } from "./_service.ts";

const SETOSA = { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2 };
const VIRGINICA = [6.9, 3.1, 5.4, 2.1];

Deno.test("POST /predict answers class, probabilities, id and version, and logs the prediction", async () => {
  const { handle, log, store } = irisService();
  const { status, json } = await post(handle, "/predict", SETOSA);
  assertEquals(status, 200);
  assertEquals([json.id, json.class, json.modelVersion], ["id0", "setosa", "1"]);
  const expected = SERVED.model.predictProba([Object.values(SETOSA)]);
  const proba = json.probabilities as Record<string, number>;
  assertEquals(Object.keys(proba), ["setosa", "versicolor", "virginica"]);
  Object.values(proba).forEach((p, c) => assertAlmostEquals(p, expected[c]!, 1e-15));
  await log.flush();
  const w = await store.window({}, { ids: true });
  assertEquals([w.n, w.ids, w.predicted[0], w.timestamps[0]], [1, ["id0"], 0, 1_700_000_000_000]);
  assertEquals(Array.from(w.probabilities), Array.from(expected));
  assertEquals(w.features.petal_length![0], 1.4);
});

Deno.test("POST /predict scores a batch of arrays and objects in order", async () => {
  const { handle, log, store } = irisService();
  const { status, json } = await post(handle, "/predict", { rows: [VIRGINICA, SETOSA] });
  assertEquals(status, 200);
  const predictions = json.predictions as { id: string; class: string }[];
  assertEquals(predictions.map((p) => [p.id, p.class]), [["id0", "virginica"], ["id1", "setosa"]]);
  await log.flush();
  assertEquals((await store.count()).predictions, 2);
});

const BAD: [string, unknown, number, string | undefined][] = [
  ["not JSON", "{rows:", 400, undefined],
  [
    "a string feature",
    { rows: [VIRGINICA, { ...SETOSA, petal_width: "0.2" }] },
    400,
    "rows[1].petal_width",
  ],
  [
    "a missing feature",
    { sepal_length: 1, sepal_width: 2, petal_length: 3 },
    400,
    "row.petal_width",
  ],
  ["an unknown feature", { ...SETOSA, colour: 1 }, 400, "row.colour"],
  ["a short array row", { rows: [[1, 2, 3]] }, 400, "rows[0]"],
  ["an infinite value", '{"rows": [[1, 2, 3, 1e999]]}', 400, "rows[0][3]"],
  ["null", "null", 400, "row"],
  ["an empty batch", { rows: [] }, 400, "rows"],
  ["rows that are not an array", { rows: { a: 1 } }, 400, "rows"],
  ["too many rows", { rows: Array.from({ length: 10_001 }, () => VIRGINICA) }, 400, "rows"],
];
for (const [what, body, status, field] of BAD) {
  Deno.test(`POST /predict with ${what} gets ${status} naming the field and logs nothing`, async () => {
    const { handle, log, store } = irisService();
    const res = await post(handle, "/predict", body);
    assertEquals(res.status, status);
    assertEquals(res.json.field, field);
    assert(typeof res.json.error === "string" && res.json.error.length > 0);
    await log.flush();
    assertEquals(await store.count(), { predictions: 0, labels: 0 });
  });
}

Deno.test("a body over the size cap gets 413, declared or streamed", async () => {
  const { handle } = irisService({ maxBodyBytes: 100 });
  const big = JSON.stringify({ rows: Array.from({ length: 20 }, () => VIRGINICA) });
  assertEquals((await post(handle, "/predict", big)).status, 413);
  const stream = new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(big));
      c.close();
    },
  });
  const res = await handle(new Request("http://x/predict", { method: "POST", body: stream }));
  assertEquals(res.status, 413);
  assertEquals((await res.json()).error.includes("100 bytes"), true);
});

Deno.test("wrong methods and unknown routes get 405 and 404 with a JSON error", async () => {
  const { handle } = irisService();
  const get = await handle(new Request("http://x/predict"));
  assertEquals([get.status, (await get.json()).error], [405, "/predict accepts POST, got GET"]);
  assertEquals((await post(handle, "/nope", {})).status, 404);
});

Deno.test("POST /labels records a label once; the same again is a no-op, another is 409, unknown 404", async () => {
  const { handle, log, store } = irisService();
  await post(handle, "/predict", SETOSA);
  const first = await post(handle, "/labels", { id: "id0", label: "versicolor" });
  assertEquals(first, {
    status: 200,
    json: { id: "id0", label: "versicolor", status: "recorded" },
  });
  const again = await post(handle, "/labels", { id: "id0", label: 1 });
  assertEquals(again.json.status, "unchanged");
  const other = await post(handle, "/labels", { id: "id0", label: "setosa" });
  assertEquals([other.status, other.json.field, other.json.value], [409, "label", "setosa"]);
  const unknown = await post(handle, "/labels", { id: "id9", label: "setosa" });
  assertEquals([unknown.status, unknown.json.field], [404, "id"]);
  const bad = await post(handle, "/labels", { id: "id0", label: "rose" });
  assertEquals([bad.status, bad.json.field, bad.json.value], [400, "label", "rose"]);
  await log.flush();
  const w = await store.window({});
  assertEquals([Array.from(w.labels), (await store.count()).labels], [[1], 1]);
});

Deno.test("POST /labels is all or nothing for a batch, and after a flush still sees stored labels", async () => {
  const { handle, log, store } = irisService();
  await post(handle, "/predict", { rows: [SETOSA, VIRGINICA] });
  await log.flush();
  const res = await post(handle, "/labels", {
    labels: [{ id: "id0", label: "setosa" }, { id: "missing", label: "setosa" }],
  });
  assertEquals([res.status, res.json.field], [404, "labels[1].id"]);
  const ok = await post(handle, "/labels", {
    labels: [{ id: "id0", label: "setosa" }, { id: "id1", label: "virginica" }],
  });
  assertEquals(ok.status, 200);
  await log.flush();
  const conflict = await post(handle, "/labels", { labels: [{ id: "id1", label: 0 }] });
  assertEquals([conflict.status, conflict.json.field], [409, "labels[0].label"]);
  assertEquals((await store.count()).labels, 2);
});

Deno.test("two racing labels for one id: exactly one wins", async () => {
  const { handle } = irisService();
  await post(handle, "/predict", SETOSA);
  const results = await Promise.all([
    post(handle, "/labels", { id: "id0", label: 0 }),
    post(handle, "/labels", { id: "id0", label: 2 }),
  ]);
  assertEquals(results.map((r) => r.status).sort(), [200, 409]);
});

Deno.test("POST /log records predictions made elsewhere; labels can follow", async () => {
  const { handle, log, store } = irisService();
  const res = await post(handle, "/log", {
    rows: [
      {
        id: "py-1",
        features: SETOSA,
        probabilities: { setosa: 0.9, versicolor: 0.1, virginica: 0 },
      },
      {
        features: VIRGINICA,
        probabilities: [0.1, 0.2, 0.7],
        predicted: "versicolor",
        timestamp: "2026-01-01T00:00:00Z",
      },
    ],
  });
  assertEquals([res.status, res.json.ids], [200, ["py-1", "id0"]]);
  assertEquals((await post(handle, "/labels", { id: "py-1", label: "setosa" })).status, 200);
  const dup = await post(handle, "/log", {
    id: "py-1",
    features: SETOSA,
    probabilities: [1, 0, 0],
  });
  assertEquals([dup.status, dup.json.field], [409, "id"]);
  const sum = await post(handle, "/log", { features: SETOSA, probabilities: [0.5, 0.4, 0] });
  assertEquals([sum.status, sum.json.field], [400, "probabilities"]);
  const when = await post(handle, "/log", {
    features: SETOSA,
    probabilities: [1, 0, 0],
    timestamp: "soon",
  });
  assertEquals([when.status, when.json.field, when.json.value], [400, "timestamp", "soon"]);
  const range = await post(handle, "/log", { features: SETOSA, probabilities: [1.5, -0.5, 0] });
  assertEquals([range.status, range.json.field], [400, "probabilities.setosa"]);
  await log.flush();
  const w = await store.window({}, { ids: true });
  assertEquals([w.ids, Array.from(w.predicted), Array.from(w.labels)], [["py-1", "id0"], [0, 1], [
    0,
    -1,
  ]]);
  assertEquals(Array.from(w.timestamps), [1_700_000_000_000, Date.UTC(2026, 0, 1)], "its own time");
});

Deno.test("a full log queue answers 503 and logs nothing of that request", async () => {
  const { handle, log, store, metricsText } = irisService({ capacity: 2 });
  assertEquals((await post(handle, "/predict", { rows: [SETOSA, SETOSA] })).status, 200);
  const full = await post(handle, "/predict", SETOSA);
  assertEquals(full.status, 503);
  await log.flush();
  assertEquals((await store.count()).predictions, 2);
  const text = await metricsText();
  assert(
    text.includes('vigil_serve_http_request_errors_total{route="/predict",kind="overload"} 1'),
  );
  assert(text.includes("vigil_serve_log_rejected_requests_total 1"));
});

Deno.test("with logging off, /predict still answers and /labels says 503", async () => {
  const { handle } = irisService({ logging: false });
  assertEquals((await post(handle, "/predict", SETOSA)).status, 200);
  const res = await post(handle, "/labels", { id: "id0", label: 0 });
  assertEquals([res.status, String(res.json.error).startsWith("Logging is off")], [503, true]);
});

Deno.test("/metrics counts requests by route and status, times inference, and passes promtool", async () => {
  const { handle, log } = irisService();
  for (let i = 0; i < 3; i++) await post(handle, "/predict", SETOSA);
  await post(handle, "/predict", { rows: [[1]] });
  await log.flush();
  const res = await handle(new Request("http://x/metrics"));
  const text = await res.text();
  for (
    const line of [
      'vigil_serve_http_requests_total{route="/predict",status="200"} 3',
      'vigil_serve_http_requests_total{route="/predict",status="400"} 1',
      'vigil_serve_http_request_errors_total{route="/predict",kind="client"} 1',
      "vigil_serve_model_inference_duration_seconds_count 3",
      'vigil_serve_log_rows_written_total{table="predictions"} 3',
      "vigil_serve_log_queue_rows 0",
      "vigil_serve_http_requests_in_flight 1",
      'vigil_serve_model_info{model="iris",version="1"} 1',
    ]
  ) assert(text.includes(line), `missing ${line}`);
  const check = await runBinary("/usr/bin/promtool", ["check", "metrics"], text);
  assertEquals([check.code, check.stdout + check.stderr], [0, ""]);
});

Deno.test("random garbage bodies never get a 5xx and never reach the log", async () => {
  const { handle, log, store } = irisService();
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = [
    "{",
    "}",
    "[",
    "]",
    '"rows"',
    ":",
    ",",
    "1e308",
    "-0",
    "null",
    '"sepal_length"',
    "true",
    '"\\u0000"',
    "1",
  ];
  for (let i = 0; i < 300; i++) {
    const body = Array.from(
      { length: 1 + Math.floor(rand() * 12) },
      () => pieces[Math.floor(rand() * pieces.length)],
    ).join("");
    for (const path of ["/predict", "/labels", "/log"]) {
      const res = await handle(new Request(`http://x${path}`, { method: "POST", body }));
      assert(res.status < 500, `${path} ${body} → ${res.status}`);
      await res.body?.cancel();
    }
  }
  await log.flush();
  assertEquals((await store.count()).labels, 0);
});
