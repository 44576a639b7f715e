/**
 * Prometheus: the naming policy as code, a {@linkcode Snapshot} published as prom-client gauges,
 * and the exporter's own meta-metrics.
 *
 * @module
 */
export * from "./naming.ts";
export * from "./snapshot_families.ts";
export * from "./drift_families.ts";
export * from "./quality_families.ts";
export * from "./explain_families.ts";
export * from "./fairness_families.ts";
export * from "./article_aliases.ts";
export * from "./snapshot_metrics.ts";
export * from "./exporter_metrics.ts";
export * from "./openmetrics.ts";
export * from "./push.ts";
export * from "./metric_registry.ts";
// The snapshot the publishers read, and the result shape inside it, documented in lib/monitor.
export type {
  CheckOutcome,
  ConceptDetectorState,
  ConceptDriftMethod,
  MetricValue,
  Outcome,
  Snapshot,
} from "../monitor/mod.ts";
export type { CheckResult, Operator, ResultStatus } from "../types.ts";
export * from "./concept_families.ts";
export * from "./estimate_families.ts";
