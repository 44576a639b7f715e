import { openDuckDbStore } from "../../lib/store/mod.ts";
import { assert, assertEquals } from "../_assert.ts";
import { ROOT, startServeTask } from "./_task_process.ts";
import { SERVED } from "./_service.ts";

async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

Deno.test("deno task serve: SIGTERM flushes the log, and a restart finds every prediction and label", async () => {
  const name = `log/test_${crypto.randomUUID()}.duckdb`;
  const path = `${ROOT}${name}`;
  try {
    // A flush interval far longer than the test: only the graceful stop can write the rows.
    const first = await startServeTask(["--log", name, "--flush-ms", "600000"]);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const { status, json } = await postJson(`${first.url}/predict`, [5 + i / 10, 3, 1.5, 0.2]);
      assertEquals(status, 200);
      ids.push(json.id as string);
    }
    assertEquals(
      (await postJson(`${first.url}/labels`, { id: ids[0], label: "setosa" })).status,
      200,
    );
    const bad = await postJson(`${first.url}/predict`, { rows: [[1, 2]] });
    assertEquals([bad.status, bad.json.field], [400, "rows[0]"]);
    const stopped = await first.stop("SIGTERM");
    assertEquals(stopped.code, 0, stopped.output);
    assert(stopped.output.includes("vigil serve: stopped"), stopped.output);

    const second = await startServeTask(["--log", name]);
    const again = await postJson(`${second.url}/labels`, { id: ids[0], label: "setosa" });
    assertEquals(again.json.status, "unchanged", "the label survived the restart");
    const conflict = await postJson(`${second.url}/labels`, { id: ids[0], label: "virginica" });
    assertEquals(conflict.status, 409);
    const late = await postJson(`${second.url}/labels`, { id: ids[49], label: "versicolor" });
    assertEquals(late.json.status, "recorded", "the prediction survived the restart");
    assertEquals((await second.stop("SIGINT")).code, 0);

    const store = await openDuckDbStore(path, SERVED.model);
    assertEquals(await store.count(), { predictions: 50, labels: 2 });
    const w = await store.window({}, { ids: true });
    assertEquals(w.ids, ids);
    assertEquals([w.labels[0], w.labels[49]], [0, 1]);
    await store.close();
  } finally {
    await Deno.remove(path).catch(() => {});
    await Deno.remove(`${path}.wal`).catch(() => {});
  }
});

Deno.test("deno task serve: a model file that is not a model exits 2 with the reason", async () => {
  const res = await startServeTask(["--model", "deno.json", "--no-log"]).catch((e: Error) => e);
  assert(
    res instanceof Error && res.message.includes("(exit 2)") &&
      res.message.includes('Cannot load model "deno.json"'),
    String(res),
  );
});
