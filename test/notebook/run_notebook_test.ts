/**
 * The real-kernel runner (`scripts/notebooks.ts` → `scripts/run_notebook.py`) on a fixture: one
 * kernel start in `--check` mode, then `--verify` (no kernel) on the executed copy.
 */
import { assert, assertEquals, AssertionError } from "../_assert.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const FIXTURE = `${ROOT}test/fixtures/notebooks/kernel.ipynb`;
const PYTHON = "/usr/bin/python3";
const VEGA_LITE = "application/vnd.vegalite.v5+json";

interface Output {
  output_type: string;
  name?: string;
  text?: string[];
  data?: Record<string, unknown>;
  execution_count?: number;
}
interface Cell {
  cell_type: string;
  execution_count?: number | null;
  outputs?: Output[];
}

async function notebooks(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-run",
      "--allow-env",
      "scripts/notebooks.ts",
      ...args,
    ],
    cwd: ROOT,
    env,
    stdin: "null",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

async function requireJupyter(): Promise<void> {
  const probe = await new Deno.Command(PYTHON, {
    args: ["-c", "import jupyter_client, nbformat"],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => undefined);
  if (!probe?.success) {
    throw new AssertionError(
      `${PYTHON} with jupyter_client and nbformat is missing: run \`deno task setup\``,
    );
  }
}

function text(outputs: Output[] | undefined): string {
  return (outputs ?? []).map((o) => (o.text ?? []).join("")).join("");
}

Deno.test("notebooks --check runs the fixture in the real Deno kernel and records every output", async (t) => {
  await requireJupyter();
  const dir = await Deno.makeTempDir();
  try {
    const before = await Deno.readTextFile(FIXTURE);
    const run = await notebooks(["--check", "--timeout", "60", "--output-dir", dir, FIXTURE]);
    assert(run.code === 0, `runner failed (exit ${run.code}):\n${run.stderr}`);
    assertEquals(await Deno.readTextFile(FIXTURE), before, "--check must not write back");
    const executed = `${dir}/kernel.ipynb`;
    const cells: Cell[] = JSON.parse(await Deno.readTextFile(executed)).cells;

    await t.step("text, chart and value outputs land in their cells, counted", () => {
      assertEquals(cells[1]?.execution_count, 1);
      assertEquals(text(cells[1]?.outputs), "hello from the kernel\n");
      const chart = cells[2]?.outputs?.find((o) => o.data?.[VEGA_LITE] !== undefined);
      assert(chart?.data?.["image/png"] !== undefined, JSON.stringify(cells[2]));
      assertEquals((chart.data[VEGA_LITE] as { width?: number }).width, 200);
      assertEquals(cells[5]?.outputs, [{
        output_type: "execute_result",
        execution_count: 4,
        metadata: {},
        data: { "text/plain": ["42"] },
      } as Output]);
    });

    await t.step("output published after the kernel reports idle stays with its cell", () => {
      assertEquals(text(cells[4]?.outputs), "late output\n");
      assertEquals(cells[4]?.execution_count, 3);
    });

    await t.step("--verify accepts the executed copy and rejects a chart without PNG", async () => {
      const ok = await notebooks(["--verify", executed]);
      assert(ok.code === 0, ok.stderr);
      const nb = JSON.parse(await Deno.readTextFile(executed));
      for (const o of nb.cells[2].outputs) delete o.data?.["image/png"];
      await Deno.writeTextFile(executed, JSON.stringify(nb));
      const bad = await notebooks(["--verify", executed]);
      assertEquals(bad.code, 1);
      assert(bad.stderr.includes(`notebook ${executed}, cell 3 is tagged chart`), bad.stderr);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("notebooks tells to run deno task setup when Jupyter is missing", async () => {
  const run = await notebooks([FIXTURE], { VIGIL_PYTHON: `${ROOT}no/such/python3` });
  assertEquals(run.code, 1);
  assert(run.stderr.includes("run `deno task setup`"), run.stderr);
});

Deno.test("notebooks rejects unknown options", async () => {
  const run = await notebooks(["--chekc", FIXTURE]);
  assertEquals(run.code, 2);
  assert(run.stderr.includes(`Unknown or incomplete option "--chekc"`), run.stderr);
});
