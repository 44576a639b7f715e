/**
 * The status page as a person sees it: a real exporter on the degradation demo, loaded in headless
 * Chromium (Debian's `chromium`, installed by scripts/setup.sh). Asserts on the rendered DOM and on
 * the pixels of a screenshot, so a chart that does not render fails the test.
 */
import { assert, assertEquals } from "../_assert.ts";
import { startExporterProcess } from "../../lib/exporter/subprocess.ts";
import { type DecodedPng, decodePng } from "./_png.ts";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = await Deno.stat(CHROMIUM).then((s) => s.isFile, () => false);
if (!HAS_CHROMIUM) {
  console.warn(
    `status page browser test skipped: ${CHROMIUM} is absent (scripts/setup.sh installs it)`,
  );
}

async function chromium(args: string[]): Promise<string> {
  const profile = await Deno.makeTempDir({ prefix: "vigil_chromium_" });
  try {
    const out = await new Deno.Command(CHROMIUM, {
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        `--user-data-dir=${profile}`,
        ...args,
      ],
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(60_000),
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert(out.success, `chromium failed: ${new TextDecoder().decode(out.stderr)}`);
    return stdout;
  } finally {
    await Deno.remove(profile, { recursive: true });
  }
}

/** Pixels within 6 per channel of `hex`, as a mask over the image. */
function colorMask(png: DecodedPng, hex: string): Uint8Array {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mask = new Uint8Array(png.width * png.height);
  for (let i = 0; i < mask.length; i++) {
    const p = png.pixels.subarray(i * 4, i * 4 + 3);
    mask[i] = Math.abs(p[0]! - r!) <= 6 && Math.abs(p[1]! - g!) <= 6 && Math.abs(p[2]! - b!) <= 6
      ? 1
      : 0;
  }
  return mask;
}

function count(mask: Uint8Array, keep: (x: number, y: number) => boolean, width: number): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] && keep(i % width, Math.floor(i / width))) n++;
  return n;
}

function boundingBox(mask: Uint8Array, width: number) {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const x = i % width;
    const y = Math.floor(i / width);
    box.x0 = Math.min(box.x0, x);
    box.x1 = Math.max(box.x1, x);
    box.y0 = Math.min(box.y0, y);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(
    /&#(\d+);/g,
    (_, c) => String.fromCharCode(Number(c)),
  );
}

Deno.test({
  name:
    "the status page leads with the failing checks, shows the trend and renders its charts in Chromium",
  ignore: !HAS_CHROMIUM,
  async fn() {
    const exporter = await startExporterProcess([
      ...[
        "--param",
        "scenario=degradation",
        "--interval",
        "1s",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
      ],
    ]);
    const url = `http://127.0.0.1:${exporter.port}/`;
    try {
      // Degradation starts after two healthy runs: wait until checks have failed for a few runs.
      let run = 0;
      for (let i = 0; i < 120 && run < 7; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const page = await (await fetch(url)).text();
        run = Number(/Model <b>[^<]*<\/b> [^ ]* — run (\d+),/.exec(page)?.[1] ?? 0);
      }
      assert(run >= 7, `the exporter reached run ${run} only; stderr:\n${exporter.stderr()}`);

      const dom = await chromium(["--dump-dom", url]);
      const body = dom.slice(dom.indexOf("<body>"));
      const order = ['id="verdict"', 'id="last-run"', 'id="checks"', "<figure", 'id="trend"']
        .map((marker) => body.indexOf(marker));
      assert(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), `order ${order}`);
      assert(/<h1>[^<]*<\/h1>\s*<section id="verdict" class="fail">/.test(body), "verdict first");
      assert(!/succeeded/.test(textOf(body)), "no green 'run succeeded' next to failing checks");

      const verdict = body.slice(body.indexOf('id="verdict"'), body.indexOf("</section>"));
      const pageRun = Number(/As of run (\d+)/.exec(verdict)?.[1]);
      const failingRows = [...body.matchAll(/<tr class="fail"><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)]
        .filter((m) => body.indexOf(m[0]) < body.indexOf("</table>"));
      const listed = [...verdict.matchAll(/<b class="check">([^<]*)<\/b>/g)].map((m) => m[1]!);
      const heading = /(\d+) of (\d+) checks failing/.exec(verdict);
      assert(heading !== null, verdict);
      assertEquals(Number(heading[1]), failingRows.length);
      assertEquals(Number(heading[1]), listed.length);
      assert(listed.length >= 1 && listed.includes("accuracy_floor"), listed.join());
      for (const row of failingRows) {
        assert(listed.some((name) => name.startsWith(textOf(row[1]!))), `${row[1]} in verdict`);
      }
      const since = [...verdict.matchAll(/failing since (?:run (\d+)|this run)/g)];
      assertEquals(since.length, listed.length, "every failing check says since when");
      for (const m of since) {
        const from = m[1] === undefined ? pageRun : Number(m[1]);
        assert(from >= 3 && from <= pageRun, `since run ${from}, page at run ${pageRun}`);
      }
      assert(since.some((m) => Number(m[1]) < pageRun), "some check has failed for several runs");

      const trend = body.slice(body.indexOf('id="trend"'));
      const trendRuns = [...trend.matchAll(/<tr class="(?:pass|fail)"><td>(\d+)<\/td>/g)]
        .map((m) => Number(m[1]));
      assertEquals(trendRuns, Array.from({ length: trendRuns.length }, (_, i) => pageRun - i));
      assertEquals(trendRuns.length, Math.min(pageRun, 20));
      assert(trend.includes('<svg class="sparkline"'), "sparkline present");
      assertEquals(body.match(/<figure><svg/g)?.length, 2, "class metrics and drift charts");

      const shot = `${await Deno.makeTempDir({ prefix: "vigil_shot_" })}/page.png`;
      await chromium(["--window-size=800,3000", `--screenshot=${shot}`, url]);
      const png = await decodePng(await Deno.readFile(shot));
      await Deno.remove(shot.slice(0, -"/page.png".length), { recursive: true });
      assertEquals([png.width, png.height], [800, 3000]);
      // Precision bars are the palette's blue, which nothing else on the page uses.
      const blue = colorMask(png, "#4c78a8");
      const classChart = boundingBox(blue, png.width);
      assert(count(blue, () => true, png.width) > 2000, "the per-class chart's bars are drawn");
      // The drift chart: its green / red bars, in rows outside the per-class chart's plot area (the
      // 800 px window stacks the two figures; F1 bars and the legend share the drift chart's red).
      const outside = (_x: number, y: number) => y < classChart.y0 - 5 || y > classChart.y1 + 5;
      const driftPixels = count(colorMask(png, "#e45756"), outside, png.width) +
        count(colorMask(png, "#54a24b"), outside, png.width);
      assert(driftPixels > 1000, `the drift chart's bars are drawn (${driftPixels} pixels)`);
    } finally {
      assertEquals(await exporter.stop(), 0);
    }
  },
});
