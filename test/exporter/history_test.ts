import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { appendHistory, type HistoryFile } from "../../lib/exporter/history.ts";
import { makeSnapshot } from "./_fixtures.ts";

/** Opens the real file, but its `failAt`-th write stores only half its bytes and then fails. */
function halfWritingOpen(failAt: number) {
  let writes = 0;
  return async (path: string): Promise<HistoryFile> => {
    const file = await Deno.open(path, { append: true, create: true });
    return {
      seek: (offset, whence) => file.seek(offset, whence),
      truncate: (length) => file.truncate(length),
      close: () => file.close(),
      async write(bytes) {
        if (++writes !== failAt) return await file.write(bytes);
        await file.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
        throw new Deno.errors.WriteZero("No space left on device (os error 28)");
      },
    };
  };
}

async function lines(path: string): Promise<unknown[]> {
  const text = await Deno.readTextFile(path);
  assert(text === "" || text.endsWith("\n"), `ends with a whole line: ${JSON.stringify(text)}`);
  return text.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
}

Deno.test("appendHistory truncates a half-written line, so the next snapshot starts a line of its own", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/runs.jsonl`;
  const open = halfWritingOpen(2);
  try {
    await appendHistory(path, makeSnapshot(0.9, 1), { open });
    await assertRejects(
      () => appendHistory(path, makeSnapshot(0.85, 2), { open }),
      Deno.errors.WriteZero,
      "No space left",
    );
    await appendHistory(path, makeSnapshot(0.8, 3), { open });
    assertEquals(await lines(path), [makeSnapshot(0.9, 1), makeSnapshot(0.8, 3)]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("appendHistory keeps writing after a short write until the line is complete", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/runs.jsonl`;
  try {
    await appendHistory(path, makeSnapshot(0.9, 1), {
      async open(p) {
        const file = await Deno.open(p, { append: true, create: true });
        return {
          seek: (offset, whence) => file.seek(offset, whence),
          truncate: (length) => file.truncate(length),
          close: () => file.close(),
          write: (bytes) => file.write(bytes.subarray(0, Math.min(7, bytes.length))),
        };
      },
    });
    assertEquals(await lines(path), [makeSnapshot(0.9, 1)]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Mounts a 64 KiB tmpfs (needs root and mount rights); undefined when that is not allowed. */
async function tinyTmpfs(): Promise<string | undefined> {
  const dir = await Deno.makeTempDir({ prefix: "vigil_full_disk_" });
  const out = await new Deno.Command("mount", {
    args: ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir],
    stdout: "null",
    stderr: "piped",
  }).output().catch(() => undefined);
  if (out?.success) return dir;
  await Deno.remove(dir);
  return undefined;
}

Deno.test("appendHistory on a really full file system leaves only whole lines", async (t) => {
  const dir = await tinyTmpfs();
  if (dir === undefined) {
    console.warn("skipped the tmpfs variant: mount -t tmpfs is not permitted here");
    return;
  }
  try {
    const path = `${dir}/runs.jsonl`;
    // A snapshot of ~10 KiB: a 64 KiB file system fills up within a few appends, mid-line.
    const big = (run: number) => ({
      ...makeSnapshot(0.9, run),
      timings: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`phase_${i}`, i])),
    });
    let failures = 0;
    let appended = 0;
    for (let run = 1; run <= 12; run++) {
      await appendHistory(path, big(run)).then(() => appended++, () => failures++);
    }
    await t.step("the disk did fill up", () => assert(failures > 0 && appended > 0));
    const kept = await lines(path);
    assertEquals(kept.length, appended);
    assertEquals(kept, Array.from({ length: appended }, (_, i) => big(i + 1)));
    // Room again (as after an operator cleans up): the next append lands on a line of its own.
    await Deno.writeTextFile(path, "");
    await appendHistory(path, big(99));
    assertEquals(await lines(path), [big(99)]);
  } finally {
    await new Deno.Command("umount", { args: [dir] }).output();
    await Deno.remove(dir);
  }
});
