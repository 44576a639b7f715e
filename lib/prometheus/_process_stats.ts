/**
 * Cheap readings of the exporter's own process (CPU, memory, disk I/O, open descriptors, event
 * loop lag) for {@linkcode createExporterMetrics}. Private to `lib/prometheus`.
 *
 * Deno refuses to read `/proc/self/*` unless the process runs with `--allow-all`, whatever
 * `--allow-read` says. Under the exporter's narrow permissions the readings therefore come from
 * APIs that need no permission (`process.cpuUsage()`, `Deno.memoryUsage()`, `getrusage` through
 * `process.resourceUsage()`); `/proc/self/io` and `/proc/self/fd` are used when readable. Open
 * descriptors cannot be counted without reading `/proc`, so when the direct read is refused and
 * `ls` may be run (`--allow-run=ls`), an `ls -1U /proc/<pid>/fd` child counts them, in the
 * background and at most once per `cacheMs`; that count includes the one pipe that carries the
 * child's output.
 *
 * @module
 */
import process from "node:process";

/** Where the disk I/O byte counters come from. */
export type DiskSource = "proc_io" | "getrusage" | "none";

/** One reading of the process. `undefined` fields are not available on this system. */
export interface ProcessSample {
  cpuSeconds: number;
  residentBytes: number;
  heapUsedBytes: number;
  diskReadBytes: number | undefined;
  diskWriteBytes: number | undefined;
  openFds: number | undefined;
}

/** Reads the process at most once per `cacheMs`; see {@linkcode createProcessSampler}. */
export interface ProcessSampler {
  /** Which source the disk counters use (fixed at creation). */
  readonly diskSource: DiskSource;
  /** Whether open descriptors can be counted (fixed at creation). */
  readonly hasOpenFds: boolean;
  /** How open descriptors are counted (fixed at creation). */
  readonly fdSource: FdSource;
  /** The latest reading, taken now unless one younger than `cacheMs` exists. */
  sample(): ProcessSample;
}

/** Options of {@linkcode createProcessSampler}. */
export interface ProcessSamplerOptions {
  /** Readings younger than this are reused, so a scrape storm costs nothing. @default 1000 */
  cacheMs?: number;
  /** The `/proc` directory of the process (tests point it at a fixture). @default "/proc/self" */
  procDir?: string;
  /** Monotonic clock in milliseconds. @default performance.now */
  now?: () => number;
  /**
   * Count open descriptors with an `ls` child when `<procDir>/fd` is not readable directly (Deno
   * refuses `/proc/self` without `--allow-all`). Needs `--allow-run=ls`; off when refused.
   * @default true
   */
  lsFallback?: boolean;
}

/** Open-descriptor source: direct read of `<procDir>/fd`, an `ls` child, or none. */
export type FdSource = "proc_fd" | "ls" | "none";

function lsCount(dir: string): number | undefined {
  try {
    const out = new Deno.Command("ls", { args: ["-1U", dir], stdin: "null", stderr: "null" })
      .outputSync();
    if (!out.success) return undefined;
    return countLines(out.stdout);
  } catch {
    return undefined;
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return n;
}

/**
 * Parses `/proc/<pid>/io`. `read_bytes`/`write_bytes` are the bytes the process caused to be
 * fetched from / sent to the storage layer; `rchar`/`wchar` are NOT used as a fallback because
 * they count every read()/write() including sockets and page-cache hits, which on an HTTP
 * exporter is mostly network traffic, not disk.
 */
export function parseProcIo(text: string): { read: number; write: number } | undefined {
  const read = /^read_bytes:\s*(\d+)$/m.exec(text)?.[1];
  const write = /^write_bytes:\s*(\d+)$/m.exec(text)?.[1];
  if (read === undefined || write === undefined) return undefined;
  return { read: Number(read), write: Number(write) };
}

function tryRead(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return undefined;
  }
}

function countDir(path: string): number | undefined {
  try {
    let n = 0;
    for (const _ of Deno.readDirSync(path)) n++;
    return n;
  } catch {
    return undefined;
  }
}

function rusageDisk(): { read: number; write: number } | undefined {
  try {
    const usage = process.resourceUsage();
    // Linux getrusage reports ru_inblock/ru_oublock as read_bytes/write_bytes >> 9.
    return { read: usage.fsRead * 512, write: usage.fsWrite * 512 };
  } catch {
    return undefined;
  }
}

/**
 * Creates a cached reader of the current process. Sources are probed once: disk bytes from
 * `<procDir>/io` (exact), else `getrusage` block counts × 512 (same kernel counter, 512-byte
 * granularity, no permission needed), else none; open descriptors from `<procDir>/fd`, else none.
 * Cost per fresh reading: a few syscalls plus one directory listing.
 */
export function createProcessSampler(options: ProcessSamplerOptions = {}): ProcessSampler {
  const cacheMs = options.cacheMs ?? 1000;
  const procDir = options.procDir ?? "/proc/self";
  const now = options.now ?? (() => performance.now());
  const ioPath = `${procDir}/io`;
  const fdPath = `${procDir}/fd`;
  const procIoText = tryRead(ioPath);
  const diskSource: DiskSource = procIoText !== undefined && parseProcIo(procIoText)
    ? "proc_io"
    : rusageDisk()
    ? "getrusage"
    : "none";
  const lsDir = procDir === "/proc/self" ? `/proc/${Deno.pid}/fd` : fdPath;
  const fdSource: FdSource = countDir(fdPath) !== undefined
    ? "proc_fd"
    : (options.lsFallback ?? true) && Deno.build.os === "linux" && lsCount(lsDir) !== undefined
    ? "ls"
    : "none";
  const hasOpenFds = fdSource !== "none";
  let lsFds: number | undefined = fdSource === "ls" ? lsCount(lsDir) : undefined;
  let lsBusy = false;

  // Refreshes the ls-based count without blocking a scrape; the reading lags by one refresh.
  function refreshLs(): void {
    if (lsBusy) return;
    lsBusy = true;
    new Deno.Command("ls", { args: ["-1U", lsDir], stdin: "null", stderr: "null" }).output()
      .then((out) => {
        if (out.success) lsFds = countLines(out.stdout);
      }, () => {})
      .finally(() => {
        lsBusy = false;
      });
  }

  function openFds(): number | undefined {
    if (fdSource === "proc_fd") return countDir(fdPath);
    if (fdSource === "ls") refreshLs();
    return lsFds;
  }
  let cached: ProcessSample | undefined;
  let cachedAt = -Infinity;

  function read(): ProcessSample {
    const cpu = process.cpuUsage();
    const memory = Deno.memoryUsage();
    const disk = diskSource === "proc_io"
      ? parseProcIo(tryRead(ioPath) ?? "")
      : diskSource === "getrusage"
      ? rusageDisk()
      : undefined;
    return {
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      residentBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      diskReadBytes: disk?.read,
      diskWriteBytes: disk?.write,
      openFds: openFds(),
    };
  }

  return {
    diskSource,
    hasOpenFds,
    fdSource,
    sample() {
      const t = now();
      if (cached === undefined || t - cachedAt >= cacheMs) {
        cached = read();
        cachedAt = t;
      }
      return cached;
    },
  };
}

/** Measures event loop lag; see {@linkcode startLagMonitor}. */
export interface LagMonitor {
  /** The worst delay of the last `window` timer ticks past their due time, in seconds. */
  lagSeconds(): number;
  /** Stops the timer. */
  stop(): void;
}

/**
 * Starts an unref'd timer every `intervalMs` and records how late each tick fires: a busy loop
 * (a synchronous model fit, a blocking read) shows up as lag. Reports the worst of the last
 * `window` ticks, so a stall between two scrapes is not hidden by the quiet ticks after it. One
 * timer per second costs nothing, unlike prom-client's default collectors which histogram every
 * tick.
 */
export function startLagMonitor(intervalMs = 1000, window = 10): LagMonitor {
  const lags = new Float64Array(window);
  let tick = 0;
  let due = performance.now() + intervalMs;
  const id = setInterval(() => {
    const t = performance.now();
    lags[tick++ % window] = Math.max(0, t - due) / 1000;
    due = t + intervalMs;
  }, intervalMs);
  Deno.unrefTimer(id);
  return {
    lagSeconds: () => Math.max(...lags),
    stop: () => clearInterval(id),
  };
}
