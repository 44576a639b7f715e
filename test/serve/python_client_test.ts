import { loadServedModel, startModelService } from "../../lib/serve/mod.ts";
import { openDuckDbStore } from "../../lib/store/mod.ts";
import { assertEquals } from "../_assert.ts";
import { runBinary } from "../_binaries.ts";
import { ROOT } from "./_task_process.ts";

Deno.test("the Python example logs its predictions and labels through /log and /labels", async () => {
  const dir = await Deno.makeTempDir({ prefix: "vigil_python_" });
  const served = await loadServedModel(`${ROOT}data/baseline.json`);
  const service = await startModelService(served, { port: 0, logPath: `${dir}/log.duckdb` });
  try {
    const run = await runBinary("/usr/bin/python3", [
      `${ROOT}scripts/python_client_example.py`,
      "--url",
      `http://127.0.0.1:${service.addr.port}`,
    ]);
    assertEquals([run.code, run.stderr], [0, ""]);
    const out = JSON.parse(run.stdout);
    assertEquals(out.log[0], 200);
    assertEquals(out.labels, [200, 200, 200]);
    assertEquals(out.repeat, [200, "unchanged"]);
    assertEquals(out.conflict, [409, "label"]);
    assertEquals(out.predict, [200, "setosa"]);
    assertEquals(out.bad, [400, "rows[0].sepal_length"]);
    await service.shutdown();
    const store = await openDuckDbStore(`${dir}/log.duckdb`, served.model);
    const w = await store.window({}, { ids: true });
    assertEquals(w.n, 4, "three logged by Python, one scored by Vigil");
    assertEquals(w.ids!.slice(0, 3), out.log[1]);
    assertEquals(Array.from(w.labels), [0, 1, 2, -1]);
    assertEquals(
      Array.from(w.predicted.subarray(0, 3)),
      [0, 1, 2],
      "argmax of Python's probabilities",
    );
    await store.close();
  } finally {
    await service.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
