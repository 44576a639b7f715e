/**
 * Fisher's Iris data (150 flowers, 4 measurements in cm, 3 species), as shipped with
 * scikit-learn; see `data/README.md` for provenance and the two UCI errata.
 *
 * @module
 */

import { readCsv } from "./csv.ts";
import { categoricalColumn, numericColumn, type Table } from "./table.ts";

/** The four Iris measurements, in centimetres, in CSV column order. */
export const IRIS_FEATURES: readonly string[] = Object.freeze([
  "sepal_length",
  "sepal_width",
  "petal_length",
  "petal_width",
]);

/** The three Iris species; a class index in {@linkcode IrisData.y} points into this list. */
export const IRIS_CLASSES: readonly string[] = Object.freeze(["setosa", "versicolor", "virginica"]);

/** The Iris data as a table and as model-ready arrays. */
export interface IrisData {
  /** The CSV as read: four numeric columns and the string column `species`. */
  table: Table;
  /** Names of the columns of `X`, equal to {@linkcode IRIS_FEATURES}. */
  featureNames: string[];
  /** One `Float64Array` of the four measurements per row (150 rows, in file order). */
  X: Float64Array[];
  /** Class index of each row into `classNames`. */
  y: Int32Array;
  /** Names of the classes, equal to {@linkcode IRIS_CLASSES}. */
  classNames: string[];
}

/**
 * Reads `data/iris.csv` (located relative to this module, so it works from any working directory)
 * and returns it as a table plus a row-wise feature matrix and integer class labels.
 *
 * `X` is an array of rows (`X[i]` is row i) rather than a flat matrix, because splits select rows
 * by index and the model accepts any array of rows.
 *
 * Cost: O(n) for n rows; needs `--allow-read` for the `data/` folder.
 *
 * @returns The Iris data; rows in file order (50 setosa, 50 versicolor, 50 virginica).
 * @throws {TypeError} When the file lacks a column (the committed file has all five).
 * @throws {RangeError} When the file holds a species outside {@linkcode IRIS_CLASSES} or a
 * measurement that is missing or not finite (the committed file has neither).
 * @example
 * ```ts
 * import { loadIris } from "./mod.ts";
 * const iris = await loadIris();
 * if (iris.X.length !== 150 || iris.y[149] !== 2 || iris.X[0]![0] !== 5.1) throw new Error();
 * ```
 */
export async function loadIris(): Promise<IrisData> {
  const table = await readCsv(new URL("../../data/iris.csv", import.meta.url), {
    columns: {
      sepal_length: "number",
      sepal_width: "number",
      petal_length: "number",
      petal_width: "number",
      species: "string",
    },
    required: [...IRIS_FEATURES, "species"],
  });
  const n = table.nRows;
  const X = Array.from({ length: n }, () => new Float64Array(IRIS_FEATURES.length));
  IRIS_FEATURES.forEach((name, j) => {
    const column = numericColumn(table, name);
    for (let i = 0; i < n; i++) {
      const value = column[i]!;
      if (!Number.isFinite(value)) {
        throw new RangeError(`Cannot load Iris: "${name}" in row ${i} is ${value}`);
      }
      X[i]![j] = value;
    }
  });
  const species = categoricalColumn(table, "species");
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const name = species[i];
    const index = typeof name === "string" ? IRIS_CLASSES.indexOf(name) : -1;
    if (index < 0) throw new RangeError(`Cannot load Iris: unknown species "${name}" in row ${i}`);
    y[i] = index;
  }
  return { table, featureNames: [...IRIS_FEATURES], X, y, classNames: [...IRIS_CLASSES] };
}
