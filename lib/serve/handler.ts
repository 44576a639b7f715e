/**
 * The model service's request handler: `POST /predict`, `POST /labels`, `POST /log`,
 * `GET /metrics`, `GET /healthz`, each measured (RED) and refused with a JSON error naming the
 * field when the body does not fit.
 *
 * @module
 */
import { Registry } from "prom-client";
import type { LogisticRegressionModel } from "../model/logistic_regression_model.ts";
import type { LabelRecord, PredictionRecord } from "../store/prediction_store.ts";
import type { PredictionLog } from "../store/prediction_log.ts";
import { parseLabelsBody, parseLogBody, parsePredictBody } from "./parse_body.ts";
import { readJson } from "./read_json.ts";
import { RequestError } from "./request_error.ts";
import { createServeMetrics } from "./_serve_metrics.ts";

/** Options of {@linkcode createServeHandler}. */
export interface ServeHandlerOptions {
  /** The model that answers `/predict`. */
  model: LogisticRegressionModel;
  /** Model name for `vigil_serve_model_info`. @default "iris" */
  modelName?: string;
  /** Model version logged with every prediction and returned to clients. @default "1" */
  modelVersion?: string;
  /** Where predictions and labels go; without one, logging is off and `/labels`, `/log` answer 503. */
  log?: PredictionLog;
  /** Largest request body in bytes. @default 1048576 */
  maxBodyBytes?: number;
  /** Most rows (or labels) in one request. @default 10000 */
  maxRows?: number;
  /** Clock in Unix ms. @default Date.now */
  now?: () => number;
  /** Makes prediction ids. @default crypto.randomUUID */
  newId?: () => string;
}

/** The handler and what it measures. */
export interface ServeHandler {
  /** Answers one request. */
  handle(request: Request): Promise<Response>;
  /** The Prometheus text `/metrics` answers with. */
  metricsText(): Promise<string>;
}

const ROUTES = new Set(["/predict", "/labels", "/log", "/metrics", "/healthz"]);
const JSON_HEADERS = { "content-type": "application/json" };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/**
 * Builds the service's handler. `/predict` scores rows, logs each prediction (id, time, model
 * version, features, probabilities, class) through the write-behind `log` (never awaiting disk)
 * and answers class, probabilities and id; when the log's queue is full it answers 503 and logs
 * nothing. `/labels` records a true label for a logged id (same label again: no-op; a different
 * one: 409; unknown id: 404). `/log` records predictions made elsewhere (a Python model).
 * Label and `/log` requests are handled one at a time so that two racing labels for one id
 * cannot both win.
 *
 * @param options See {@linkcode ServeHandlerOptions}.
 * @returns The handler and its metrics text.
 * @example
 * ```ts
 * import { LogisticRegressionModel } from "../model/mod.ts";
 * import { createServeHandler } from "./handler.ts";
 * const model = LogisticRegressionModel.fromJSON({
 *   kind: "vigil.logistic_regression", version: 1, featureNames: ["x"], classNames: ["a", "b"],
 *   standardize: false, means: [0], scales: [1], weights: [[0, -1], [0, 1]], numSteps: 1, learningRate: 1,
 * });
 * const { handle } = createServeHandler({ model });
 * const res = await handle(new Request("http://x/predict", { method: "POST", body: '{"x": 3}' }));
 * const out = await res.json();
 * if (res.status !== 200 || out.class !== "b") throw new Error();
 * const bad = await handle(new Request("http://x/predict", { method: "POST", body: '{"x": "3"}' }));
 * if (bad.status !== 400 || (await bad.json()).field !== "row.x") throw new Error();
 * ```
 */
export function createServeHandler(options: ServeHandlerOptions): ServeHandler {
  const {
    model,
    modelName = "iris",
    modelVersion = "1",
    log,
    maxBodyBytes = 1 << 20,
    maxRows = 10_000,
    now = Date.now,
    newId = () => crypto.randomUUID(),
  } = options;
  const registry = new Registry();
  const metrics = createServeMetrics(
    registry,
    { name: modelName, version: modelVersion },
    log === undefined ? undefined : () => log.stats(),
  );
  const featureNames = model.featureNames;
  const classNames = model.classNames;
  const k = classNames.length;
  const p = featureNames.length;
  let serial: Promise<unknown> = Promise.resolve();
  function oneAtATime(task: () => Promise<Response>): Promise<Response> {
    const next = serial.then(task, task);
    serial = next.catch(() => {});
    return next;
  }
  function needLog(): PredictionLog {
    if (log === undefined) {
      throw new RequestError(503, "Logging is off: the service has no prediction log");
    }
    return log;
  }
  function probabilityObject(proba: Float64Array, i: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let c = 0; c < k; c++) out[classNames[c]!] = proba[i * k + c]!;
    return out;
  }

  async function predict(request: Request): Promise<Response> {
    const body = parsePredictBody(await readJson(request, maxBodyBytes), featureNames, maxRows);
    const rows = Array.from({ length: body.n }, (_, i) => body.data.subarray(i * p, (i + 1) * p));
    const end = metrics.inference.startTimer();
    const proba = model.predictProba(rows);
    end();
    const t = now();
    const out = [];
    const ids = new Array<string>(body.n);
    const predicted = new Int32Array(body.n);
    for (let i = 0; i < body.n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
      const id = ids[i] = newId();
      predicted[i] = best;
      out.push({ id, class: classNames[best], probabilities: probabilityObject(proba, i) });
    }
    const logged = {
      ids,
      timestamps: new Float64Array(body.n).fill(t),
      modelVersions: new Array<string>(body.n).fill(modelVersion),
      features: body.data,
      probabilities: proba,
      predicted,
    };
    if (log !== undefined && !log.offer(logged)) {
      throw new RequestError(503, "The prediction log is full; retry later");
    }
    return json(
      200,
      body.single ? { ...out[0], modelVersion } : { modelVersion, predictions: out },
    );
  }

  async function labels(request: Request): Promise<Response> {
    const store = needLog();
    const body = parseLabelsBody(await readJson(request, maxBodyBytes), classNames, maxRows);
    return oneAtATime(async () => {
      const known = await store.lookup(body.items.map((item) => item.id));
      const fresh: LabelRecord[] = [];
      const t = now();
      const results = body.items.map((item, i) => {
        const field = body.single ? "id" : `labels[${i}].id`;
        const state = known.get(item.id);
        if (state === undefined) {
          throw new RequestError(404, `No prediction with id "${item.id}"`, {
            field,
            value: item.id,
          });
        }
        if (state.label >= 0 && state.label !== item.label) {
          throw new RequestError(
            409,
            `Prediction "${item.id}" already has label "${classNames[state.label]}"`,
            { field: body.single ? "label" : `labels[${i}].label`, value: classNames[item.label] },
          );
        }
        if (state.label < 0) fresh.push({ id: item.id, label: item.label, timestamp: t });
        return {
          id: item.id,
          label: classNames[item.label],
          status: state.label < 0 ? "recorded" : "unchanged",
        };
      });
      if (fresh.length > 0 && !store.offer([], fresh)) {
        throw new RequestError(503, "The prediction log is full; retry later");
      }
      return json(200, body.single ? results[0] : { results });
    });
  }

  async function logPredictions(request: Request): Promise<Response> {
    const store = needLog();
    const body = parseLogBody(
      await readJson(request, maxBodyBytes),
      featureNames,
      classNames,
      maxRows,
    );
    return oneAtATime(async () => {
      const given = body.items.flatMap((item) => item.id === undefined ? [] : [item.id]);
      const known = await store.lookup(given);
      const t = now();
      const records = body.items.map((item, i): PredictionRecord => {
        if (item.id !== undefined && known.has(item.id)) {
          throw new RequestError(409, `Prediction "${item.id}" is already logged`, {
            field: body.single ? "id" : `rows[${i}].id`,
            value: item.id,
          });
        }
        return {
          id: item.id ?? newId(),
          timestamp: item.timestamp ?? t,
          modelVersion,
          features: item.features,
          probabilities: item.probabilities,
          predicted: item.predicted,
        };
      });
      if (!store.offer(records)) {
        throw new RequestError(503, "The prediction log is full; retry later");
      }
      const ids = records.map((r) => r.id);
      return json(200, body.single ? { id: ids[0] } : { ids });
    });
  }

  async function route(path: string, request: Request): Promise<Response> {
    const method = path === "/metrics" || path === "/healthz" ? "GET" : "POST";
    if (request.method !== method) {
      throw new RequestError(405, `${path} accepts ${method}, got ${request.method}`);
    }
    if (path === "/predict") return await predict(request);
    if (path === "/labels") return await labels(request);
    if (path === "/log") return await logPredictions(request);
    if (path === "/healthz") return json(200, { status: "ok", model: modelName, modelVersion });
    return new Response(await registry.metrics(), {
      headers: { "content-type": registry.contentType },
    });
  }

  async function handle(request: Request): Promise<Response> {
    const start = performance.now();
    const path = new URL(request.url).pathname;
    const label = ROUTES.has(path) ? path : "other";
    metrics.inFlight.inc();
    let response: Response;
    try {
      if (label === "other") throw new RequestError(404, `No route ${path}`);
      response = await route(path, request);
    } catch (e) {
      if (e instanceof RequestError) response = json(e.status, e.toJSON());
      else {
        console.error(`vigil serve: ${request.method} ${path} failed:`, e);
        response = json(500, { error: "Internal error; see the service log" });
      }
    } finally {
      metrics.inFlight.dec();
    }
    const status = String(response.status);
    metrics.requests.inc({ route: label, status });
    metrics.requestDuration.observe({ route: label, status }, (performance.now() - start) / 1000);
    if (response.status >= 400) {
      const kind = response.status === 503
        ? "overload"
        : response.status >= 500
        ? "server"
        : "client";
      metrics.errors.inc({ route: label, kind });
    }
    return response;
  }

  return { handle, metricsText: () => registry.metrics() };
}
