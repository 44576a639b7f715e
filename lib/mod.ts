/**
 * Vigil: a notebook-first workbench for monitoring AI systems.
 *
 * This module re-exports the pure core: data, profile, model, metrics, quality, data drift, concept
 * drift, fairness, explainability, monitor and performance estimation. It holds no Vega and no server code; charts live in
 * `lib/charts/mod.ts`, display in `lib/notebook/mod.ts` and the Prometheus glue in
 * `lib/prometheus/mod.ts`.
 *
 * @module
 */
export * from "./types.ts";
export * from "./stats/mod.ts";
export * from "./data/mod.ts";
export * from "./model/mod.ts";
export * from "./metrics/mod.ts";
export * from "./monitor/mod.ts";
export * from "./estimate/mod.ts";
export * from "./quality/mod.ts";
export * from "./profile/mod.ts";
export * from "./drift/mod.ts";
export * from "./concept/mod.ts";
export * from "./explain/mod.ts";
export * from "./fairness/mod.ts";
