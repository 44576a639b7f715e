/**
 * A process and its descendants: the exporter's server (a child of the launcher, itself perhaps
 * with children) and its resident memory and open files, for `soak_exporter.ts`. Read through
 * `/usr/bin/ps` and `/usr/bin/ls /proc/PID/fd` because Deno lets a script read `/proc/PID/…` only
 * with every permission granted.
 *
 * @module
 */

/** One row of `ps -e -o pid=,ppid=,rss=,args=`. */
export interface PsRow {
  pid: number;
  ppid: number;
  /** Resident set size in bytes. */
  rssBytes: number;
  args: string;
}

/** Memory and open files of a process tree at one moment. */
export interface TreeStats {
  /** The processes measured, root first. */
  pids: number[];
  /** Sum of their resident set sizes, in bytes. */
  rssBytes: number;
  /** Sum of their open file descriptors. */
  fds: number;
  /** The root process alone (the long-lived server, without the monitor process it restarts). */
  root: { rssBytes: number; fds: number };
}

/**
 * Parses `ps -e -o pid=,ppid=,rss=,args=` (rss in KiB).
 *
 * @example
 * ```ts
 * import { parsePs } from "./_proc_tree.ts";
 * const rows = parsePs("  12     1  2048 deno run server.ts {\"a\": 1}\n");
 * if (rows[0]?.pid !== 12 || rows[0].rssBytes !== 2048 * 1024 || !rows[0].args.endsWith("1}")) {
 *   throw new Error();
 * }
 * ```
 */
export function parsePs(text: string): PsRow[] {
  const rows: PsRow[] = [];
  for (const line of text.split("\n")) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s?(.*)$/.exec(line);
    if (match) {
      rows.push({
        pid: Number(match[1]),
        ppid: Number(match[2]),
        rssBytes: Number(match[3]) * 1024,
        args: match[4] ?? "",
      });
    }
  }
  return rows;
}

/**
 * `root` and every process below it in `rows`, root first (breadth first); empty when `root` is
 * not in `rows`.
 *
 * @example
 * ```ts
 * import { descendants } from "./_proc_tree.ts";
 * const row = (pid: number, ppid: number) => ({ pid, ppid, rssBytes: 0, args: "" });
 * const rows = [row(1, 0), row(5, 1), row(7, 5), row(9, 5), row(11, 1)];
 * if (descendants(rows, 5).join() !== "5,7,9" || descendants(rows, 4).length !== 0) throw new Error();
 * ```
 */
export function descendants(rows: readonly PsRow[], root: number): number[] {
  if (!rows.some((r) => r.pid === root)) return [];
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const r of rows) if (r.ppid === out[i] && !out.includes(r.pid)) out.push(r.pid);
  }
  return out;
}

/**
 * The exporter's server among the children of launcher `launcher`: the one running
 * `lib/exporter/server.ts`, else the only child; undefined when there is none (it exited).
 *
 * @example
 * ```ts
 * import { findServer } from "./_proc_tree.ts";
 * const rows = [
 *   { pid: 7, ppid: 3, rssBytes: 0, args: "deno check m.ts" },
 *   { pid: 9, ppid: 3, rssBytes: 0, args: "deno run /r/lib/exporter/server.ts {}" },
 *   { pid: 10, ppid: 4, rssBytes: 0, args: "deno run /s/lib/exporter/server.ts {}" },
 * ];
 * if (findServer(rows, 3) !== 9 || findServer(rows, 5) !== undefined) throw new Error();
 * ```
 */
export function findServer(rows: readonly PsRow[], launcher: number): number | undefined {
  const children = rows.filter((r) => r.ppid === launcher);
  const server = children.find((r) => /lib\/exporter\/server\.ts(\s|$)/.test(r.args));
  return (server ?? (children.length === 1 ? children[0] : undefined))?.pid;
}

async function output(command: string, args: string[]): Promise<string> {
  const out = await new Deno.Command(command, { args, stdout: "piped", stderr: "null" }).output();
  return new TextDecoder().decode(out.stdout);
}

/** Every process now, from `/usr/bin/ps`. */
export async function processTable(): Promise<PsRow[]> {
  return parsePs(await output("/usr/bin/ps", ["-e", "-o", "pid=,ppid=,rss=,args="]));
}

/** Memory and open files of `pid` and all its descendants in `rows`, and of `pid` alone. */
export async function treeStats(rows: readonly PsRow[], pid: number): Promise<TreeStats> {
  const pids = descendants(rows, pid);
  const rssBytes = rows.filter((r) => pids.includes(r.pid)).reduce((a, r) => a + r.rssBytes, 0);
  const listings = await Promise.all(
    pids.map((p) => output("/usr/bin/ls", ["-U", `/proc/${p}/fd`])),
  );
  const counts = listings.map((text) => text.split("\n").filter((l) => l !== "").length);
  const root = { rssBytes: rows.find((r) => r.pid === pid)?.rssBytes ?? 0, fds: counts[0] ?? 0 };
  return { pids, rssBytes, fds: counts.reduce((a, n) => a + n, 0), root };
}
