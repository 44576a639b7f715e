import { assert, assertEquals } from "../_assert.ts";
import {
  createTempFolder,
  LOCK_FILE,
  removeStaleTempFolders,
  TEMP_FOLDER_PREFIX,
} from "../../lib/exporter/temp_folder.ts";
import { launcherArgs } from "../../lib/exporter/subprocess.ts";

const HOUR = 3_600_000;

async function exists(path: string): Promise<boolean> {
  return await Deno.lstat(path).then(() => true, () => false);
}

/** A folder as a launcher leaves it, its mtime `ageMs` ago; `lock` false: an older launcher's. */
async function leftBehind(root: string, name: string, ageMs: number, lock = true) {
  const folder = `${root}/${name}`;
  await Deno.mkdir(folder);
  await Deno.writeTextFile(`${folder}/stub.gen.ts`, "export {};\n");
  if (lock) await Deno.writeTextFile(`${folder}/${LOCK_FILE}`, "12345\n");
  const t = new Date(Date.now() - ageMs);
  await Deno.utime(folder, t, t);
  return folder;
}

Deno.test("removeStaleTempFolders() removes old vigil_export_ folders whose lock is free, and keeps live, fresh, lockless and foreign ones", async () => {
  const root = await Deno.makeTempDir({ prefix: "vigil_tmp_root_" });
  try {
    const own = await leftBehind(root, `${TEMP_FOLDER_PREFIX}own`, HOUR);
    const stale = await leftBehind(root, `${TEMP_FOLDER_PREFIX}stale`, HOUR);
    const unlocked = await leftBehind(root, `${TEMP_FOLDER_PREFIX}nolock`, HOUR, false);
    const fresh = await leftBehind(root, `${TEMP_FOLDER_PREFIX}fresh`, 1000, false);
    const live = await leftBehind(root, `${TEMP_FOLDER_PREFIX}live`, HOUR);
    const other = await leftBehind(root, "someone_else_x", HOUR, false);
    await Deno.symlink(stale, `${root}/${TEMP_FOLDER_PREFIX}link`);
    // A live launcher holds its lock (flock: a second open file description cannot take it).
    const held = await Deno.open(`${live}/${LOCK_FILE}`, { read: true, write: true });
    await held.lock(true);
    try {
      const removed = await removeStaleTempFolders(own);
      assertEquals(removed, [stale]);
    } finally {
      held.close();
    }
    for (const kept of [own, unlocked, fresh, live, other, `${root}/${TEMP_FOLDER_PREFIX}link`]) {
      assert(await exists(kept), `${kept} kept`);
    }
    assert(!(await exists(stale)), "the stale folder is removed");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("createTempFolder() holds its lock until remove(): a clean-up from elsewhere keeps it", async () => {
  const folder = await createTempFolder();
  try {
    assert(folder.path.split("/").pop()?.startsWith(TEMP_FOLDER_PREFIX));
    const old = new Date(Date.now() - HOUR);
    await Deno.utime(folder.path, old, old);
    const probe = await Deno.makeTempDir({ prefix: "vigil_probe_" });
    try {
      const removed = await removeStaleTempFolders(probe);
      assert(!removed.includes(folder.path), "a live launcher's folder is never removed");
      assert(await exists(folder.path));
    } finally {
      await Deno.remove(probe, { recursive: true });
    }
  } finally {
    await folder.remove();
  }
  assert(!(await exists(folder.path)));
});

Deno.test("the launcher removes the folder a killed launcher left in /tmp", async () => {
  // A launcher killed with SIGKILL while its server ran: its folder and lock file stay behind.
  const root = new URL("../..", import.meta.url).pathname;
  const child = new Deno.Command(Deno.execPath(), {
    args: launcherArgs([
      "test/fixtures/exporter/stub_monitor.ipynb",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
    ]),
    cwd: root,
    stdout: "piped",
    stderr: "null",
  }).spawn();
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  for (let text = ""; !text.includes("listening on");) text += (await reader.read()).value ?? "";
  const before = new Set<string>();
  for await (const e of Deno.readDir("/tmp")) {
    if (e.name.startsWith(TEMP_FOLDER_PREFIX)) before.add(e.name);
  }
  child.kill("SIGKILL"); // the server sees its stdin close and exits; the folder stays
  await child.status;
  await reader.cancel();
  const left: string[] = [];
  for (const name of before) {
    const folder = `/tmp/${name}`;
    const lock = await Deno.open(`${folder}/${LOCK_FILE}`, { read: true, write: true }).catch(() =>
      undefined
    );
    if (lock === undefined) continue;
    const free = await lock.tryLock(true);
    lock.close();
    if (free) left.push(folder);
  }
  assert(left.length >= 1, "the killed launcher left its folder");
  const old = new Date(Date.now() - HOUR);
  for (const folder of left) await Deno.utime(folder, old, old);
  const out = await new Deno.Command(Deno.execPath(), {
    args: launcherArgs(["test/fixtures/exporter/no_monitor.ipynb"]), // fails after the clean-up
    cwd: root,
    stdout: "null",
    stderr: "null",
  }).output();
  assertEquals(out.code, 2);
  for (const folder of left) assert(!(await exists(folder)), `${folder} removed at start`);
});
