/**
 * Validation of the service's JSON bodies: rows of features, labels, externally made predictions.
 * Every refusal is a {@linkcode RequestError} (400) naming the field, row and value.
 *
 * @module
 */
import { RequestError } from "./request_error.ts";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function shown(v: unknown): unknown {
  return typeof v === "object" && v !== null ? JSON.stringify(v).slice(0, 100) : v;
}

/** The body's rows: one object or array is one row; `{ rows: [...] }` is a batch. */
function bodyRows(
  body: unknown,
  key: string,
  maxRows: number,
): { items: unknown[]; single: boolean } {
  if (isObject(body) && key in body) {
    const items = body[key];
    if (!Array.isArray(items)) {
      throw new RequestError(400, `"${key}" must be an array`, { field: key, value: shown(items) });
    }
    if (items.length === 0 || items.length > maxRows) {
      throw new RequestError(400, `"${key}" must hold 1 to ${maxRows} items, got ${items.length}`, {
        field: key,
      });
    }
    return { items, single: false };
  }
  return { items: [body], single: true };
}

/** Reads one row (object by name or array in order) of finite numbers into `out` at `offset`. */
function readRow(
  row: unknown,
  featureNames: readonly string[],
  out: Float64Array,
  offset: number,
  field: string,
  what = "Feature",
): void {
  const p = featureNames.length;
  if (Array.isArray(row)) {
    if (row.length !== p) {
      throw new RequestError(400, `${field} has ${row.length} values, the model needs ${p}`, {
        field,
      });
    }
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new RequestError(400, `${what} "${featureNames[j]}" must be a finite number`, {
          field: `${field}[${j}]`,
          value: shown(v),
        });
      }
      out[offset + j] = v;
    }
    return;
  }
  if (!isObject(row)) {
    throw new RequestError(400, `${field} must be an object keyed by feature name or an array`, {
      field,
      value: shown(row),
    });
  }
  let seen = 0;
  for (let j = 0; j < p; j++) {
    const name = featureNames[j]!;
    const v = row[name];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RequestError(
        400,
        v === undefined
          ? `Feature "${name}" is missing`
          : `Feature "${name}" must be a finite number`,
        { field: `${field}.${name}`, value: shown(v) },
      );
    }
    out[offset + j] = v;
    seen++;
  }
  if (Object.keys(row).length !== seen) {
    const extra = Object.keys(row).find((key) => !featureNames.includes(key))!;
    throw new RequestError(400, `Unknown ${what.toLowerCase()} "${extra}"`, {
      field: `${field}.${extra}`,
    });
  }
}

/**
 * Reads a `/predict` body into a row-major matrix.
 *
 * @param body The parsed JSON.
 * @param featureNames The model's features.
 * @param maxRows Most rows in a batch.
 * @returns The rows, their count and whether the body was a single row.
 * @throws {RequestError} When a row does not fit.
 * @example
 * ```ts
 * import { parsePredictBody } from "./parse_body.ts";
 * const r = parsePredictBody({ rows: [[1, 2], { a: 3, b: 4 }] }, ["a", "b"], 10);
 * if (r.n !== 2 || r.single || r.data.join() !== "1,2,3,4") throw new Error();
 * ```
 */
export function parsePredictBody(
  body: unknown,
  featureNames: readonly string[],
  maxRows: number,
): { data: Float64Array; n: number; single: boolean } {
  const { items, single } = bodyRows(body, "rows", maxRows);
  const p = featureNames.length;
  const data = new Float64Array(items.length * p);
  items.forEach((row, i) => readRow(row, featureNames, data, i * p, single ? "row" : `rows[${i}]`));
  return { data, n: items.length, single };
}

/**
 * Reads a class given by name or index.
 *
 * @throws {RequestError} When it is neither a class name nor an index in range.
 */
function readClass(v: unknown, classNames: readonly string[], field: string): number {
  const index = typeof v === "string" ? classNames.indexOf(v) : v;
  if (
    typeof index === "number" && Number.isInteger(index) && index >= 0 && index < classNames.length
  ) {
    return index;
  }
  throw new RequestError(
    400,
    `${field} must be a class name (${classNames.join(", ")}) or an index 0..${
      classNames.length - 1
    }`,
    { field, value: shown(v) },
  );
}

function readTimestamp(v: unknown, field: string): number | undefined {
  if (v === undefined) return undefined;
  const t = typeof v === "string" ? Date.parse(v) : v;
  if (typeof t !== "number" || !Number.isFinite(t)) {
    throw new RequestError(400, `${field} must be Unix milliseconds or an ISO 8601 date`, {
      field,
      value: shown(v),
    });
  }
  return t;
}

function readId(v: unknown, field: string): string {
  if (typeof v !== "string" || v.length === 0 || v.length > 128) {
    throw new RequestError(400, `${field} must be a non-empty string of at most 128 characters`, {
      field,
      value: shown(v),
    });
  }
  return v;
}

/**
 * Reads a `/labels` body: `{ id, label }` or `{ labels: [{ id, label }, …] }`, the label a class
 * name or index. Ids may not repeat within one request.
 *
 * @example
 * ```ts
 * import { parseLabelsBody } from "./parse_body.ts";
 * const r = parseLabelsBody({ id: "p1", label: "b" }, ["a", "b"], 10);
 * if (r.items[0]?.label !== 1 || !r.single) throw new Error();
 * ```
 */
export function parseLabelsBody(
  body: unknown,
  classNames: readonly string[],
  maxRows: number,
): { items: { id: string; label: number }[]; single: boolean } {
  const { items, single } = bodyRows(body, "labels", maxRows);
  const seen = new Set<string>();
  const out = items.map((item, i) => {
    const at = single ? "" : `labels[${i}].`;
    if (!isObject(item)) {
      throw new RequestError(
        400,
        `${single ? "The body" : `labels[${i}]`} must be an object {id, label}`,
        {
          value: shown(item),
        },
      );
    }
    const id = readId(item.id, `${at}id`);
    if (seen.has(id)) throw new RequestError(400, `Id "${id}" is repeated`, { field: `${at}id` });
    seen.add(id);
    return { id, label: readClass(item.label, classNames, `${at}label`) };
  });
  return { items: out, single };
}

/** One externally made prediction, as `/log` accepts it. */
export interface LoggedPrediction {
  /** The client's id, or undefined for one made by the service. */
  id: string | undefined;
  /** Features, in model order. */
  features: Float64Array;
  /** Probabilities, in class order. */
  probabilities: Float64Array;
  /** Predicted class: as sent, else the most probable. */
  predicted: number;
  /** When the prediction was made (Unix ms), as sent, else undefined (the service's clock). */
  timestamp: number | undefined;
}

/**
 * Reads a `/log` body: `{ features, probabilities, predicted?, id?, timestamp? }` or
 * `{ rows: [...] }`; `timestamp` is Unix ms or an ISO 8601 string.
 * Probabilities (object by class name or array in class order) must lie in [0, 1] and sum to 1
 * within 1e-6 per class.
 *
 * @example
 * ```ts
 * import { parseLogBody } from "./parse_body.ts";
 * const r = parseLogBody({ features: [1], probabilities: { a: 0.2, b: 0.8 } }, ["x"], ["a", "b"], 10);
 * if (r.items[0]?.predicted !== 1) throw new Error();
 * ```
 */
export function parseLogBody(
  body: unknown,
  featureNames: readonly string[],
  classNames: readonly string[],
  maxRows: number,
): { items: LoggedPrediction[]; single: boolean } {
  const { items, single } = bodyRows(body, "rows", maxRows);
  const k = classNames.length;
  const seen = new Set<string>();
  const out = items.map((item, i) => {
    const at = single ? "" : `rows[${i}].`;
    if (!isObject(item)) {
      throw new RequestError(400, `${single ? "The body" : `rows[${i}]`} must be an object`, {
        value: shown(item),
      });
    }
    const id = item.id === undefined ? undefined : readId(item.id, `${at}id`);
    if (id !== undefined && seen.has(id)) {
      throw new RequestError(400, `Id "${id}" is repeated`, { field: `${at}id` });
    }
    if (id !== undefined) seen.add(id);
    const features = new Float64Array(featureNames.length);
    readRow(item.features, featureNames, features, 0, `${at}features`);
    const probabilities = new Float64Array(k);
    readRow(item.probabilities, classNames, probabilities, 0, `${at}probabilities`, "Probability");
    let sum = 0;
    let best = 0;
    for (let c = 0; c < k; c++) {
      const v = probabilities[c]!;
      if (v < 0 || v > 1) {
        throw new RequestError(400, `Probability of "${classNames[c]}" must be in [0, 1]`, {
          field: `${at}probabilities.${classNames[c]}`,
          value: v,
        });
      }
      sum += v;
      if (v > probabilities[best]!) best = c;
    }
    if (Math.abs(sum - 1) > 1e-6 * k) {
      throw new RequestError(400, `Probabilities must sum to 1, got ${sum}`, {
        field: `${at}probabilities`,
      });
    }
    const timestamp = readTimestamp(item.timestamp, `${at}timestamp`);
    const predicted = item.predicted === undefined
      ? best
      : readClass(item.predicted, classNames, `${at}predicted`);
    return { id, features, probabilities, predicted, timestamp };
  });
  return { items: out, single };
}
