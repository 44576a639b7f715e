/**
 * Data: column-oriented tables, CSV reading (RFC 4180, streaming, typed columns), schema
 * inference, the Iris data, carData's Arrests (a sensitive attribute and a binary outcome),
 * synthetic fairness scenarios with a bias knob, train/test splits, simulated drift and drift
 * scenarios over time (sudden, gradual, incremental, recurring), and the SEA and STAGGER concept
 * streams.
 *
 * @module
 */
export * from "./table.ts";
export * from "./csv.ts";
export * from "./schema.ts";
export * from "./iris.ts";
export * from "./arrests.ts";
export * from "./fairness_scenario.ts";
export * from "./split.ts";
export * from "./sklearn_split.ts";
export * from "./select_rows.ts";
export * from "./synthetic.ts";
export * from "./batch_source.ts";
export * from "./csv_batch_source.ts";
export * from "./project_path.ts";
export * from "./drift_schedule.ts";
export * from "./drift_scenario.ts";
export * from "./sea_concepts.ts";
export * from "./stagger_concepts.ts";
