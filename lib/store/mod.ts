/**
 * The prediction log: every prediction a model service makes and every label that arrives later,
 * behind a small interface ({@linkcode PredictionStore}) with two implementations — an embedded
 * DuckDB file ({@linkcode openDuckDbStore}, the default) and memory ({@linkcode createMemoryStore}) —
 * and a bounded write-behind queue ({@linkcode createPredictionLog}) that keeps disk off the
 * request path. Windows come back as typed columns for `lib/monitor`.
 *
 * Server code: not part of `lib/mod.ts`.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "./mod.ts";
 * const store = createMemoryStore({ featureNames: ["x"], classNames: ["a", "b"] });
 * await store.append([
 *   { id: "p1", timestamp: 1, modelVersion: "1", features: [3], probabilities: [0.1, 0.9], predicted: 1 },
 * ]);
 * if ((await store.count()).predictions !== 1) throw new Error();
 * ```
 *
 * @module
 */
export * from "./prediction_store.ts";
export * from "./window_query.ts";
export * from "./memory_store.ts";
export * from "./duckdb_store.ts";
export * from "./duckdb_worker_store.ts";
export * from "./prediction_log.ts";
