/**
 * The model service: `POST /predict` (class, probabilities, prediction id), `POST /labels`
 * (late true labels, idempotent), `POST /log` (predictions made elsewhere, e.g. by a Python
 * model), RED metrics on `/metrics`, and a prediction log written off the request path
 * (`lib/store`). Run it with `deno task serve`.
 *
 * Server code: not part of `lib/mod.ts`.
 *
 * @example
 * ```ts
 * import { loadServedModel, createServeHandler } from "./mod.ts";
 * const { model } = await loadServedModel(new URL("../../data/baseline.json", import.meta.url).pathname);
 * const { handle } = createServeHandler({ model });
 * const res = await handle(new Request("http://x/predict", {
 *   method: "POST",
 *   body: JSON.stringify({ rows: [[5.1, 3.5, 1.4, 0.2]] }),
 * }));
 * if ((await res.json()).predictions[0].class !== "setosa") throw new Error();
 * ```
 *
 * @module
 */
export * from "./request_error.ts";
export * from "./parse_body.ts";
export * from "./read_json.ts";
export * from "./handler.ts";
export * from "./load_model.ts";
export * from "./model_service.ts";
export * from "./traffic.ts";
export type { LogisticRegressionJSON, LogisticRegressionModel } from "../model/mod.ts";
// The prediction log the service writes: its types are part of the service's options.
export type * from "../store/mod.ts";
export type {
  Column,
  ConceptChange,
  DataChange,
  DriftPattern,
  DriftSchedule,
  LabelShiftChange,
  NonNumericSample,
  ScenarioChange,
  SimulatedDriftKind,
  Table,
} from "../data/mod.ts";
