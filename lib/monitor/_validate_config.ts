/**
 * Private: the shape checks of a monitor's config, run when it is defined.
 *
 * @module
 */
import { checkName, isRelativeCheck, validateCheck } from "./check_spec.ts";
import type { MonitorConfig } from "./define_monitor.ts";

/** The config, unchanged; a TypeError or RangeError naming the monitor and the field otherwise. */
export function validateConfig(config: MonitorConfig): MonitorConfig {
  if (typeof config !== "object" || config === null) {
    throw new TypeError("Cannot define a monitor: config must be an object");
  }
  const { name, model, source, baseline, checks, profile } = config;
  const where = `Cannot define monitor "${String(name)}"`;
  if (typeof name !== "string" || name === "") {
    throw new TypeError("Cannot define a monitor: name must be a non-empty string");
  }
  if (typeof model !== "object" || model === null || typeof model.predictProba !== "function") {
    throw new TypeError(`${where}: model must have a predictProba(X) method`);
  }
  const rowMajor = model.predictProbaRowMajor;
  if (rowMajor !== undefined && typeof rowMajor !== "function") {
    throw new TypeError(`${where}: model.predictProbaRowMajor must be a method when present`);
  }
  if (typeof model.name !== "string" || model.name === "" || typeof model.version !== "string") {
    throw new TypeError(`${where}: model.name and model.version must be strings`);
  }
  const classes = model.classNames;
  if (
    !Array.isArray(classes) || classes.length < 2 || !classes.every((c) => typeof c === "string")
  ) {
    throw new TypeError(`${where}: model.classNames must be an array of at least 2 strings`);
  }
  if (new Set(classes).size !== classes.length) {
    throw new TypeError(`${where}: model.classNames has duplicates`);
  }
  if (typeof source !== "function") throw new TypeError(`${where}: source must be a function`);
  if (profile === undefined) {
    for (const key of ["drift", "quality"] as const) {
      if (config[key] !== undefined && config[key] !== false) {
        throw new TypeError(`${where}: ${key} checks need a reference profile (config.profile)`);
      }
    }
  }
  const rows = config.predictBatchRows;
  if (rows !== undefined && !(rows >= 1 && (Number.isInteger(rows) || rows === Infinity))) {
    throw new RangeError(`${where}: predictBatchRows must be a positive integer, got ${rows}`);
  }
  if (!Array.isArray(checks)) throw new TypeError(`${where}: checks must be an array`);
  const seen = new Set<string>();
  for (const spec of checks) {
    validateCheck(spec);
    const id = checkName(spec);
    if (seen.has(id)) throw new TypeError(`${where}: two checks are named "${id}"`);
    seen.add(id);
    if (isRelativeCheck(spec) && baseline === undefined) {
      throw new TypeError(`${where}: check "${id}" is relative to the baseline but none is given`);
    }
  }
  return config;
}
