/**
 * Creating a streaming detector by its name, for configuration-driven callers (monitors,
 * exporters) that store the method as a string.
 *
 * @module
 */
import { adwin, type AdwinOptions } from "./adwin.ts";
import { ddm, type DdmOptions } from "./ddm.ts";
import type { ConceptDriftMethod, DriftDetector } from "./drift_detector.ts";
import { eddm, type EddmOptions } from "./eddm.ts";
import { hddmA, type HddmAOptions } from "./hddm_a.ts";
import { hddmW, type HddmWOptions } from "./hddm_w.ts";
import { kswin, type KswinOptions } from "./kswin.ts";
import { pageHinkley, type PageHinkleyOptions } from "./page_hinkley.ts";

/** The options object of each {@linkcode ConceptDriftMethod}. */
export interface ConceptDriftOptions {
  /** Options of DDM. */
  ddm: DdmOptions;
  /** Options of EDDM. */
  eddm: EddmOptions;
  /** Options of HDDM_A. */
  hddm_a: HddmAOptions;
  /** Options of HDDM_W. */
  hddm_w: HddmWOptions;
  /** Options of ADWIN. */
  adwin: AdwinOptions;
  /** Options of Page-Hinkley. */
  page_hinkley: PageHinkleyOptions;
  /** Options of KSWIN. */
  kswin: KswinOptions;
}

/**
 * Creates the detector named `method` with its options, exactly as calling its own factory
 * ({@linkcode ddm}, {@linkcode adwin}, …) would. O(1) (KSWIN and ADWIN allocate their window).
 *
 * @param method The detector's name.
 * @param options That detector's options; defaults in `DEFAULT_CONCEPT_DRIFT_OPTIONS`.
 * @returns A fresh {@linkcode DriftDetector}.
 * @throws {RangeError} When `method` is unknown or an option is out of range.
 * @example
 * ```ts
 * import { conceptDriftDetector } from "./mod.ts";
 * const d = conceptDriftDetector("page_hinkley", { mode: "up", threshold: 10 });
 * if (d.method !== "page_hinkley" || d.input !== "real") throw new Error();
 * ```
 */
export function conceptDriftDetector<M extends ConceptDriftMethod>(
  method: M,
  options: ConceptDriftOptions[M] = {},
): DriftDetector {
  switch (method) {
    case "ddm":
      return ddm(options as DdmOptions);
    case "eddm":
      return eddm(options as EddmOptions);
    case "hddm_a":
      return hddmA(options as HddmAOptions);
    case "hddm_w":
      return hddmW(options as HddmWOptions);
    case "adwin":
      return adwin(options as AdwinOptions);
    case "page_hinkley":
      return pageHinkley(options as PageHinkleyOptions);
    case "kswin":
      return kswin(options as KswinOptions);
  }
  throw new RangeError(`Cannot create a drift detector: unknown method "${String(method)}"`);
}
