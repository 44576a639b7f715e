/**
 * The log's column layout, shared by the stores and their CSV form: predictions are
 * `id, timestamp_ms, model_version, <feature…>, proba_<class…>, predicted`; labels are
 * `id, label, timestamp_ms`.
 *
 * @module
 */
import { parseCsv } from "../data/csv.ts";
import type { LabelRecord, PredictionRecord, StoreSchema } from "./prediction_store.ts";

/** Column names of the predictions table for a schema. */
export function predictionColumns(schema: StoreSchema): string[] {
  return [
    "id",
    "timestamp_ms",
    "model_version",
    ...schema.featureNames,
    ...schema.classNames.map((c) => `proba_${c}`),
    "predicted",
  ];
}

/** Column names of the labels table. */
export const LABEL_COLUMNS: readonly string[] = ["id", "label", "timestamp_ms"];

/** Checks a schema: non-empty unique names that do not collide with the fixed columns. */
export function checkSchema(schema: StoreSchema): StoreSchema {
  const ok = Array.isArray(schema?.featureNames) && schema.featureNames.length > 0 &&
    Array.isArray(schema?.classNames) && schema.classNames.length >= 2;
  if (!ok) {
    throw new TypeError(
      "Cannot open a prediction store: the schema needs featureNames and at least 2 classNames",
    );
  }
  const columns = predictionColumns(schema);
  const seen = new Set<string>();
  for (const c of columns) {
    if (typeof c !== "string" || c === "" || seen.has(c)) {
      throw new TypeError(
        `Cannot open a prediction store: column name "${c}" is empty or repeated`,
      );
    }
    seen.add(c);
  }
  return { featureNames: [...schema.featureNames], classNames: [...schema.classNames] };
}

/** Throws a TypeError naming the record and field when a prediction does not fit the schema. */
export function checkPrediction(r: PredictionRecord, i: number, schema: StoreSchema): void {
  const p = schema.featureNames.length;
  const k = schema.classNames.length;
  const bad = typeof r?.id !== "string"
    ? "id"
    : !Number.isFinite(r.timestamp)
    ? "timestamp"
    : typeof r.modelVersion !== "string"
    ? "modelVersion"
    : r.features?.length !== p
    ? "features"
    : r.probabilities?.length !== k
    ? "probabilities"
    : !(Number.isInteger(r.predicted) && r.predicted >= 0 && r.predicted < k)
    ? "predicted"
    : undefined;
  if (bad !== undefined) {
    throw new TypeError(
      `Cannot log prediction ${i}: field "${bad}" does not fit the schema (${p} features, ${k} classes)`,
    );
  }
}

/** Throws a TypeError naming the record and field when a label does not fit the schema. */
export function checkLabel(r: LabelRecord, i: number, schema: StoreSchema): void {
  const k = schema.classNames.length;
  const bad = typeof r?.id !== "string"
    ? "id"
    : !(Number.isInteger(r.label) && r.label >= 0 && r.label < k)
    ? "label"
    : !Number.isFinite(r.timestamp)
    ? "timestamp"
    : undefined;
  if (bad !== undefined) {
    throw new TypeError(`Cannot log label ${i}: field "${bad}" is invalid (${k} classes)`);
  }
}

function csvField(v: string | number): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isFinite(v) ? String(v) : "";
  return /[",\r\n]/.test(v) || v === "" ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text (header first) of predictions in the column layout. */
export function predictionsCsv(records: readonly PredictionRecord[], schema: StoreSchema): string {
  const lines = [predictionColumns(schema).map(csvField).join(",")];
  for (const r of records) {
    lines.push(
      [
        r.id,
        r.timestamp,
        r.modelVersion,
        ...Array.from(r.features),
        ...Array.from(r.probabilities),
        r.predicted,
      ]
        .map(csvField).join(","),
    );
  }
  return lines.join("\n") + "\n";
}

/** CSV text (header first) of labels. */
export function labelsCsv(records: readonly LabelRecord[]): string {
  const lines = [LABEL_COLUMNS.join(",")];
  for (const r of records) lines.push([r.id, r.label, r.timestamp].map(csvField).join(","));
  return lines.join("\n") + "\n";
}

/** Reads `predictions.csv` text back into records. */
export function parsePredictionsCsv(
  text: string,
  schema: StoreSchema,
  file: string,
): PredictionRecord[] {
  const names = predictionColumns(schema);
  const t = parseCsv(text, {
    file,
    required: names,
    columns: { id: "string", model_version: "string" },
  });
  const col = (name: string) => t.columns[name] as Float64Array;
  const ids = t.columns.id as (string | null)[];
  const versions = t.columns.model_version as (string | null)[];
  const features = schema.featureNames.map(col);
  const probas = schema.classNames.map((c) => col(`proba_${c}`));
  const out: PredictionRecord[] = [];
  for (let i = 0; i < t.nRows; i++) {
    out.push({
      id: ids[i] ?? "",
      timestamp: col("timestamp_ms")[i]!,
      modelVersion: versions[i] ?? "",
      features: features.map((f) => f[i]!),
      probabilities: probas.map((f) => f[i]!),
      predicted: col("predicted")[i]!,
    });
  }
  out.forEach((r, i) => checkPrediction(r, i, schema));
  return out;
}

/** Reads `labels.csv` text back into records. */
export function parseLabelsCsv(text: string, schema: StoreSchema, file: string): LabelRecord[] {
  const t = parseCsv(text, { file, required: [...LABEL_COLUMNS], columns: { id: "string" } });
  const ids = t.columns.id as (string | null)[];
  const label = t.columns.label as Float64Array;
  const ts = t.columns.timestamp_ms as Float64Array;
  const out = Array.from({ length: t.nRows }, (_, i) => ({
    id: ids[i] ?? "",
    label: label[i]!,
    timestamp: ts[i]!,
  }));
  out.forEach((r, i) => checkLabel(r, i, schema));
  return out;
}
