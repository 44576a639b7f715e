/**
 * Loads the model a service answers with: a baseline file with its `model_json`
 * (`data/baseline.json`) or a saved `LogisticRegressionModel` JSON.
 *
 * @module
 */
import { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
import type { LogisticRegressionJSON } from "../model/logistic_regression_model.ts";

/** A loaded model with its name and version. */
export interface ServedModel {
  /** The model. */
  model: LogisticRegressionModel;
  /** Name (the baseline's `model.name`, else the file's base name). */
  name: string;
  /** Version (the baseline's `model.version`, else "1"). */
  version: string;
}

/**
 * Reads a model file: a baseline (`{ model: { name, version }, model_json }`) or a bare
 * `LogisticRegressionModel` JSON.
 *
 * @param path The JSON file.
 * @returns The model with its name and version.
 * @throws {SyntaxError} When the file is not JSON.
 * @throws {TypeError} When it holds no valid model.
 * @example
 * ```ts
 * import { loadServedModel } from "./load_model.ts";
 * const served = await loadServedModel(new URL("../../data/baseline.json", import.meta.url).pathname);
 * if (served.model.nClasses !== 3 || served.name !== "iris") throw new Error();
 * ```
 */
export async function loadServedModel(path: string): Promise<ServedModel> {
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e;
    throw new SyntaxError(`Cannot load model "${path}": invalid JSON (${e.message})`);
  }
  const file = data as { model?: { name?: unknown; version?: unknown }; model_json?: unknown };
  const json = (file?.model_json ?? data) as LogisticRegressionJSON;
  let model: LogisticRegressionModel;
  try {
    model = LogisticRegressionModel.fromJSON(json);
  } catch (e) {
    throw new TypeError(`Cannot load model "${path}": ${(e as Error).message}`, { cause: e });
  }
  const base = path.split("/").pop()!.replace(/\.json$/, "");
  const name = typeof file?.model?.name === "string" ? file.model.name : base;
  const version = typeof file?.model?.version === "string" ? file.model.version : "1";
  return { model, name, version };
}
