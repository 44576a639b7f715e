/**
 * The concept-drift families: each detector's state after the last run (`Snapshot.concept`, from
 * `MonitorConfig.concept`) as two 0/1 gauges and a counter. Appended to
 * {@linkcode SNAPSHOT_FAMILIES}.
 *
 * Choices, per DESIGN.md "Prometheus naming": one quantity per family (warning and drift are
 * separate 0/1 gauges rather than a state set, so `max_over_time(...[1h])` reads "did it fire");
 * detections are a counter (`_total`), since a drift that is reset within one run would be lost
 * between two scrapes as a gauge, while `increase(vigil_concept_drift_detections_total[1h])`
 * keeps it. The `detector` label is bounded by the monitor's declared detectors
 * (`monitor.detectors`); `method` is not a label (it is fixed per detector name).
 *
 * @module
 */
import type { Snapshot } from "../monitor/types.ts";
import { metricName } from "./naming.ts";
import type { SnapshotFamily, SnapshotSample } from "./snapshot_families.ts";

const SOURCE = "Set from the last successful monitor run";

function byState(value: (s: NonNullable<Snapshot["concept"]>[number]) => number) {
  return (s: Snapshot): SnapshotSample[] =>
    (s.concept ?? []).map((d) => ({ labels: { detector: d.name }, value: value(d) }));
}

/**
 * The concept-drift families: `vigil_concept_drift_warning`, `vigil_concept_drift_detected`
 * (0/1 gauges) and `vigil_concept_drift_detections_total` (a counter), each with a `detector`
 * label; empty for a monitor without detectors.
 *
 * @example
 * ```ts
 * import { CONCEPT_FAMILIES } from "./concept_families.ts";
 * const names = CONCEPT_FAMILIES.map((f) => `${f.name}:${f.type ?? "gauge"}`);
 * if (names.join() !== "vigil_concept_drift_warning:gauge,vigil_concept_drift_detected:gauge," +
 *   "vigil_concept_drift_detections_total:counter") throw new Error(names.join());
 * ```
 */
export const CONCEPT_FAMILIES: readonly SnapshotFamily[] = Object.freeze([
  {
    name: metricName(["concept", "drift", "warning"], "none"),
    help: "1 when the concept-drift detector (detector label: a streaming detector such as DDM " +
      "or ADWIN over the model's per-row error stream, state kept across runs) ended the last " +
      `run in its warning zone, else 0. ${SOURCE}`,
    labelNames: ["detector"],
    samples: byState((d) => (d.warning ? 1 : 0)),
  },
  {
    name: metricName(["concept", "drift", "detected"], "none"),
    help: "1 when the concept-drift detector detected a change in the model's error rate " +
      `during the last run, else 0. ${SOURCE}`,
    labelNames: ["detector"],
    samples: byState((d) => (d.drift ? 1 : 0)),
  },
  {
    name: metricName(["concept", "drift", "detections"], "total"),
    help: "Changes in the model's error rate detected by the concept-drift detector since the " +
      `monitor started (each detection resets the detector). ${SOURCE}`,
    labelNames: ["detector"],
    type: "counter",
    samples: byState((d) => d.detections),
  },
]);
