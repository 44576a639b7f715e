/**
 * carData's `Arrests`: 5,226 arrests in Toronto for simple possession of marijuana, released
 * with a summons or held, with the arrestee's colour, sex, age, employment and citizenship — a
 * real data set with sensitive attributes and a binary outcome. See `data/README.md` for
 * provenance and licence.
 *
 * @module
 */
import { readCsv } from "./csv.ts";
import { categoricalColumn, numericColumn, type Table } from "./table.ts";

/** The model features of {@linkcode ArrestsData.X}, in column order (no sensitive attribute). */
export const ARRESTS_FEATURES: readonly string[] = Object.freeze([
  "year",
  "age",
  "employed",
  "citizen",
  "checks",
]);

/** The Arrests data as typed columns. */
export interface ArrestsData {
  /** The CSV as read (eight columns). */
  table: Table;
  /** 1 = released with a summons (the favourable outcome), 0 = held for a bail hearing. */
  released: Uint8Array;
  /** The arrestee's colour as recorded: `"Black"` or `"White"`. */
  colour: string[];
  /** `"Female"` or `"Male"`. */
  sex: string[];
  /** 1 = employed. */
  employed: Uint8Array;
  /** 1 = Canadian citizen. */
  citizen: Uint8Array;
  /** Year of the arrest, 1997–2002. */
  year: Int32Array;
  /** Age in years. */
  age: Int32Array;
  /** Number of police databases (of 6) on which the arrestee's name appeared. */
  checks: Int32Array;
  /** Names of the columns of `X`, equal to {@linkcode ARRESTS_FEATURES}. */
  featureNames: string[];
  /** One row per arrest: year, age, employed, citizen, checks (0/1 for yes/no). */
  X: Float64Array[];
}

/**
 * Reads `data/arrests.csv` (written by `scripts/convert_arrests.R` from Debian's
 * `r-cran-cardata`) into typed columns and a feature matrix that leaves the sensitive
 * attributes (colour, sex) out, so a model trained on it can still be unfair through proxies.
 * Cost O(n); needs `--allow-read` for `data/`.
 *
 * @returns The 5,226 rows in the package's order.
 * @throws {TypeError} When a column is missing.
 * @throws {RangeError} When a value is outside its documented levels or not an integer (the
 * committed file has none; the message names the row and column).
 * @example
 * ```ts
 * import { loadArrests } from "./arrests.ts";
 * const a = await loadArrests();
 * if (a.released.length !== 5226 || a.colour[1] !== "Black" || a.released[1] !== 0) throw new Error();
 * ```
 */
export async function loadArrests(): Promise<ArrestsData> {
  const table = await readCsv(new URL("../../data/arrests.csv", import.meta.url), {
    columns: {
      released: "string",
      colour: "string",
      year: "number",
      age: "number",
      sex: "string",
      employed: "string",
      citizen: "string",
      checks: "number",
    },
    required: ["released", "colour", "year", "age", "sex", "employed", "citizen", "checks"],
  });
  const levels = (name: string, allowed: readonly string[]): string[] =>
    categoricalColumn(table, name).map((v, i) => {
      if (v === null || !allowed.includes(v)) {
        throw new RangeError(`Cannot load Arrests: "${name}" in row ${i} is "${v}"`);
      }
      return v;
    });
  const yesNo = (name: string) =>
    Uint8Array.from(levels(name, ["No", "Yes"]), (v) => +(v === "Yes"));
  const integers = (name: string) => {
    const column = numericColumn(table, name);
    column.forEach((v, i) => {
      if (!Number.isInteger(v)) {
        throw new RangeError(`Cannot load Arrests: "${name}" in row ${i} is ${v}`);
      }
    });
    return Int32Array.from(column);
  };
  const released = yesNo("released"), employed = yesNo("employed"), citizen = yesNo("citizen");
  const year = integers("year"), age = integers("age"), checks = integers("checks");
  const X = Array.from(
    { length: table.nRows },
    (_, i) => Float64Array.of(year[i]!, age[i]!, employed[i]!, citizen[i]!, checks[i]!),
  );
  return {
    table,
    released,
    colour: levels("colour", ["Black", "White"]),
    sex: levels("sex", ["Female", "Male"]),
    employed,
    citizen,
    year,
    age,
    checks,
    featureNames: [...ARRESTS_FEATURES],
    X,
  };
}
