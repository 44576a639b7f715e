/**
 * The embedded default prediction store: one DuckDB file (`@duckdb/node-api`), written in
 * batches through DuckDB's appender and read back as typed columns.
 *
 * Needs `--allow-ffi`, read access to DuckDB's npm package in the Deno cache
 * (`$(deno info --json | jq -r .npmCache)/registry.npmjs.org/@duckdb`) and read/write access to
 * the database's folder; no environment access.
 *
 * @module
 */
import {
  DOUBLE,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  type DuckDBType,
  INTEGER,
  VARCHAR,
} from "@duckdb/node-api";
import {
  checkLabel,
  checkPrediction,
  checkSchema,
  LABEL_COLUMNS,
  predictionColumns,
} from "./_columns.ts";
import type {
  LabelRecord,
  LabelState,
  PredictionColumns,
  PredictionRecord,
  PredictionStore,
  PredictionWindow,
  StoreSchema,
  WindowOptions,
  WindowQuery,
} from "./prediction_store.ts";
import { checkWindowQuery } from "./window_query.ts";
import { unpackPredictions } from "./_transfer.ts";

/** A {@linkcode PredictionStore} in a DuckDB file, which can also export Parquet. */
export interface DuckDbStore extends PredictionStore {
  /** The database file. */
  readonly path: string;
  /** Writes `predictions.parquet` and `labels.parquet` into a folder (DuckDB's COPY … TO). */
  exportParquet(dir: string): Promise<void>;
}

/** Options of {@linkcode openDuckDbStore}. */
export interface OpenDuckDbStoreOptions {
  /**
   * Open the file read-only (DuckDB's `access_mode = READ_ONLY`): the file must exist with the
   * schema's tables, and writes fail. For a monitor reading a copy of a log while it is rewritten.
   * @default false
   */
  readOnly?: boolean;
  /**
   * DuckDB's worker threads (`threads`). One by default: the log's appends are small batches that
   * gain nothing from a pool, and on a small machine the pool's threads compete with the service
   * answering requests (measured by `scripts/compare_serve.ts` on 2 cores: p99 of `/predict` with
   * logging on 5.5–6.3 ms in two runs with DuckDB's default of one thread per core, 4.1–6.0 ms in
   * five runs with one, and about 5 % more requests per second; a 1e6-row window read took the
   * same ~0.5 s either way).
   * @default 1
   */
  threads?: number;
}

/** Rows per DuckDB data chunk (its standard vector size). */
const CHUNK_ROWS = 2048;

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Opens (or creates) a prediction log in a DuckDB file. An existing file must have been created
 * with the same schema. Appends cost about 8 µs per row here (120k rows/s through 2048-row
 * chunks); a window over a million rows about 0.5 s (numeric columns; ids cost ~6 s more).
 * Calls are serialised on one connection.
 *
 * @param path The database file (created with its folder's permissions).
 * @param schema Feature and class names.
 * @param options `readOnly` (see {@linkcode OpenDuckDbStoreOptions}).
 * @returns The open store.
 * @throws {TypeError} When the schema is invalid or the file holds a different schema.
 * @throws {Error} DuckDB's, when a read-only file does not exist or another process holds it.
 * @example
 * ```ts
 * import { openDuckDbStore } from "./duckdb_store.ts";
 * const dir = await Deno.makeTempDir();
 * const schema = { featureNames: ["x"], classNames: ["a", "b"] };
 * let store = await openDuckDbStore(`${dir}/log.duckdb`, schema);
 * await store.append([
 *   { id: "p1", timestamp: 1000, modelVersion: "1", features: [2], probabilities: [0.2, 0.8], predicted: 1 },
 * ]);
 * await store.close();
 * store = await openDuckDbStore(`${dir}/log.duckdb`, schema);
 * const w = await store.window({ lastN: 10 });
 * if (w.n !== 1 || w.predicted[0] !== 1 || w.labels[0] !== -1) throw new Error();
 * await store.close();
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function openDuckDbStore(
  path: string,
  schema: StoreSchema,
  options: OpenDuckDbStoreOptions = {},
): Promise<DuckDbStore> {
  const s = checkSchema(schema);
  const readOnly = options.readOnly ?? false;
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(
      `Cannot open the DuckDB log: threads must be a whole number >= 1, got ${threads}`,
    );
  }
  const instance = await DuckDBInstance.create(path, {
    threads: String(threads),
    ...(readOnly ? { access_mode: "READ_ONLY" } : {}),
  });
  const con = await instance.connect();
  const columns = predictionColumns(s);
  const p = s.featureNames.length;
  const k = s.classNames.length;
  const types: DuckDBType[] = [
    VARCHAR,
    DOUBLE,
    VARCHAR,
    ...columns.slice(3, -1).map(() => DOUBLE),
    INTEGER,
  ];
  try {
    // Read-only: the tables must be there already (a reader never creates a log).
    if (!readOnly) {
      await con.run(
        `CREATE TABLE IF NOT EXISTS predictions (${
          columns.map((c, j) => `${ident(c)} ${types[j]!.toString()}`).join(", ")
        })`,
      );
      await con.run(
        "CREATE TABLE IF NOT EXISTS labels (id VARCHAR, label INTEGER, timestamp_ms DOUBLE)",
      );
    }
    const found = (await con.runAndReadAll(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'predictions' ORDER BY ordinal_position",
    )).getColumns()[0]!.map(String);
    if (found.join("\u0000") !== columns.join("\u0000")) {
      throw new TypeError(
        `Cannot open prediction store "${path}": it has columns ${found.join(", ")}, ` +
          `the schema needs ${columns.join(", ")}`,
      );
    }
  } catch (e) {
    con.closeSync();
    instance.closeSync();
    throw e;
  }
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  function serial<T>(what: string, task: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new TypeError(`Cannot ${what}: store "${path}" is closed`));
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  }
  async function appendChunks(
    table: string,
    chunkTypes: DuckDBType[],
    n: number,
    fill: (
      vectors: ReturnType<DuckDBDataChunk["getColumnVector"]>[],
      start: number,
      m: number,
    ) => void,
  ) {
    const appender = await con.createAppender(table);
    try {
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        const m = Math.min(CHUNK_ROWS, n - start);
        const chunk = DuckDBDataChunk.create(chunkTypes, m);
        const vectors = chunkTypes.map((_, j) => chunk.getColumnVector(j));
        fill(vectors, start, m);
        for (const v of vectors) v.flush();
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
  function appendRecords(records: readonly PredictionRecord[]) {
    return appendChunks("predictions", types, records.length, (v, start, m) => {
      for (let i = 0; i < m; i++) {
        const r = records[start + i]!;
        v[0]!.setItem(i, r.id);
        v[1]!.setItem(i, r.timestamp);
        v[2]!.setItem(i, r.modelVersion);
        for (let j = 0; j < p; j++) v[3 + j]!.setItem(i, r.features[j]!);
        for (let c = 0; c < k; c++) v[3 + p + c]!.setItem(i, r.probabilities[c]!);
        v[3 + p + k]!.setItem(i, r.predicted);
      }
    });
  }
  const copyOut = (dir: string, ext: string, format: string) =>
    serial(`export ${format}`, async () => {
      for (const table of ["predictions", "labels"]) {
        await con.run(`COPY ${table} TO ${literal(`${dir}/${table}.${ext}`)} (${format})`);
      }
    });
  return {
    path,
    schema: s,
    append(records: readonly PredictionRecord[]) {
      return serial("append predictions", () => {
        records.forEach((r, i) => checkPrediction(r, i, s));
        return appendRecords(records);
      });
    },
    appendColumns(columns: PredictionColumns) {
      return serial("append predictions", () => {
        const records = unpackPredictions(columns, p, k);
        records.forEach((r, i) => checkPrediction(r, i, s));
        return appendRecords(records);
      });
    },
    appendLabels(records: readonly LabelRecord[]) {
      return serial("append labels", () => {
        records.forEach((r, i) => checkLabel(r, i, s));
        return appendChunks("labels", [VARCHAR, INTEGER, DOUBLE], records.length, (v, start, m) => {
          for (let i = 0; i < m; i++) {
            const r = records[start + i]!;
            v[0]!.setItem(i, r.id);
            v[1]!.setItem(i, r.label);
            v[2]!.setItem(i, r.timestamp);
          }
        });
      });
    },
    lookup(ids: readonly string[]) {
      return serial("look up ids", async () => {
        const out = new Map<string, LabelState>();
        if (ids.length === 0) return out;
        const list = ids.map(literal).join(", ");
        const rows = (await con.runAndReadAll(
          `SELECT p.id, coalesce(l.label, -1) FROM (SELECT DISTINCT id FROM predictions WHERE id IN (${list})) p ` +
            `LEFT JOIN (SELECT id, arg_min(label, timestamp_ms) AS label FROM labels WHERE id IN (${list}) GROUP BY id) l USING (id)`,
        )).getRows();
        for (const [id, label] of rows) out.set(String(id), { label: Number(label) });
        return out;
      });
    },
    window(query: WindowQuery, options: WindowOptions = {}) {
      return serial("read a window", () => readWindow(con, s, checkWindowQuery(query), options));
    },
    count() {
      return serial("count", async () => {
        const [row] = (await con.runAndReadAll(
          "SELECT (SELECT count(*) FROM predictions), (SELECT count(*) FROM labels)",
        )).getRows();
        return { predictions: Number(row![0]), labels: Number(row![1]) };
      });
    },
    flush() {
      return serial("flush", async () => {
        await con.run("CHECKPOINT");
      });
    },
    exportCsv: (dir: string) => copyOut(dir, "csv", "HEADER, DELIMITER ','"),
    exportParquet: (dir: string) => copyOut(dir, "parquet", "FORMAT parquet"),
    importCsv(dir: string) {
      return serial("import CSV", async () => {
        const spec = (cols: readonly string[], t: readonly DuckDBType[]) =>
          `{${cols.map((c, j) => `${literal(c)}: ${literal(t[j]!.toString())}`).join(", ")}}`;
        await con.run("BEGIN TRANSACTION");
        try {
          await con.run(
            `INSERT INTO predictions SELECT * FROM read_csv(${
              literal(`${dir}/predictions.csv`)
            }, header = true, columns = ${spec(columns, types)})`,
          );
          await con.run(
            `INSERT INTO labels SELECT * FROM read_csv(${
              literal(`${dir}/labels.csv`)
            }, header = true, columns = ${spec(LABEL_COLUMNS, [VARCHAR, INTEGER, DOUBLE])})`,
          );
          await con.run("COMMIT");
        } catch (e) {
          await con.run("ROLLBACK");
          throw e;
        }
      });
    },
    async close() {
      if (closed) return;
      await serial("close", async () => {
        await con.run("CHECKPOINT");
      });
      closed = true;
      await queue;
      con.closeSync();
      instance.closeSync();
    },
  };
}

async function readWindow(
  con: DuckDBConnection,
  s: StoreSchema,
  q: ReturnType<typeof checkWindowQuery>,
  options: WindowOptions,
): Promise<PredictionWindow> {
  const p = s.featureNames.length;
  const k = s.classNames.length;
  const before = options.labelsBefore ?? Infinity;
  const labelsCte =
    `l AS (SELECT id, arg_min(label, timestamp_ms) AS label, min(timestamp_ms) AS label_ts ` +
    `FROM labels ${Number.isFinite(before) ? `WHERE timestamp_ms < ${before}` : ""} GROUP BY id)`;
  const where = "lastN" in q ? "TRUE" : [
    Number.isFinite(q.from) ? `p.timestamp_ms >= ${q.from}` : "TRUE",
    Number.isFinite(q.to) ? `p.timestamp_ms < ${q.to}` : "TRUE",
  ].join(" AND ");
  const labelled = options.labelledOnly ? " AND l.label IS NOT NULL" : "";
  const numeric = [
    "p.timestamp_ms",
    ...s.featureNames.map((f) => `p.${ident(f)}`),
    ...s.classNames.map((c) => `p.${ident(`proba_${c}`)}`),
    "p.predicted",
    "coalesce(l.label, -1)",
    "l.label_ts",
  ];
  // Every number comes back as a non-null DOUBLE, so a chunk's column is one typed-array copy.
  const select = [
    ...numeric.map((e) => `coalesce(CAST(${e} AS DOUBLE), 'NaN'::DOUBLE)`),
    ...(options.ids ? ["p.id"] : []),
  ].join(", ");
  let sql =
    `WITH ${labelsCte} SELECT ${select}, p.rowid AS r FROM predictions p LEFT JOIN l USING (id) ` +
    `WHERE ${where}${labelled}`;
  sql = "lastN" in q
    ? `SELECT * FROM (${sql} ORDER BY p.timestamp_ms DESC, r DESC LIMIT ${q.lastN}) ORDER BY 1, r`
    : `${sql} ORDER BY p.timestamp_ms, r`;
  const result = await con.run(sql);
  const parts: Float64Array[][] = numeric.map(() => []);
  const ids: string[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const m = chunk.rowCount;
    for (let j = 0; j < numeric.length; j++) {
      parts[j]!.push(doubleColumn(chunk.getColumnVector(j), m));
    }
    if (options.ids) {
      const v = chunk.getColumnVector(numeric.length);
      for (let i = 0; i < m; i++) ids.push(String(v.getItem(i)));
    }
  }
  const cols = parts.map(concat);
  const n = cols[0]!.length;
  const probabilities = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    const col = cols[1 + p + c]!;
    for (let i = 0; i < n; i++) probabilities[i * k + c] = col[i]!;
  }
  const w: PredictionWindow = {
    n,
    featureNames: s.featureNames,
    classNames: s.classNames,
    timestamps: cols[0]!,
    features: Object.fromEntries(s.featureNames.map((f, j) => [f, cols[1 + j]!])),
    probabilities,
    predicted: Int32Array.from(cols[1 + p + k]!),
    labels: Int32Array.from(cols[2 + p + k]!),
    labelTimestamps: cols[3 + p + k]!,
  };
  if (options.ids) w.ids = ids;
  return w;
}

/**
 * A DOUBLE vector's values, copied out of DuckDB's memory. `@duckdb/node-api` keeps them in a
 * Float64Array it does not expose; a copy of it is ~50× faster than `getItem` per value. Falls
 * back to `getItem` if a later version stores them otherwise.
 */
function doubleColumn(vector: { getItem(i: number): unknown }, m: number): Float64Array {
  const items = (vector as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array && items.length === m) return items.slice();
  return Float64Array.from({ length: m }, (_, i) => (vector.getItem(i) as number | null) ?? NaN);
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const a of parts) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
