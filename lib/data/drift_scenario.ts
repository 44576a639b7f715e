/**
 * Drift scenarios over time: a table resampled window by window while one change (a data drift,
 * a label shift or a concept drift proper) unfolds on a {@linkcode DriftSchedule}. Each window is
 * a pure function of its index and the seed, so a scenario can be stepped forwards, replayed or
 * read out of order.
 *
 * @module
 */
import { seededRandom } from "../stats/random.ts";
import { type DriftSchedule, driftWeight } from "./drift_schedule.ts";
import { selectRows } from "./select_rows.ts";
import { type SimulatedDriftKind, simulateDrift } from "./synthetic.ts";
import type { Column, Table } from "./table.ts";

/** A data drift of one column, as {@linkcode simulateDrift} makes it, at full weight. */
export interface DataChange {
  /** What changes in the column (see `SimulateDriftOptions.kind`). */
  kind: SimulatedDriftKind;
  /** The column. */
  column: string;
  /** Size of the change at full weight (see `SimulateDriftOptions.amount`). */
  amount: number;
  /** Units of `amount` for `"shift"` and `"noise"`: the whole table's sd, or absolute. @default {"sd"} */
  units?: "sd" | "absolute";
  /** Target category for `"category_mix"`. @default {undefined} */
  category?: string;
}

/** Label shift (prior probability shift): the class mix changes, P(x | y) does not. */
export interface LabelShiftChange {
  /** `"label_shift"`. */
  kind: "label_shift";
  /** The label column. */
  column: string;
  /** The class proportions at full weight, by label value (normalised; absent labels get 0). */
  priors: Record<string, number>;
}

/** Concept drift proper: the inputs are drawn as before, the labelling rule changes. */
export interface ConceptChange {
  /** `"concept"`. */
  kind: "concept";
  /** The label column the new rule rewrites. */
  column: string;
  /**
   * The new rule: a row's label under the new concept. `weight` is the new concept's weight
   * (1 except for incremental drift, where a rule can move gradually, e.g. a threshold).
   */
  relabel: (
    row: Readonly<Record<string, number | string | null>>,
    weight: number,
  ) => number | string | null;
}

/** What changes in a {@linkcode driftScenario}. */
export type ScenarioChange = DataChange | LabelShiftChange | ConceptChange;

/** Options of {@linkcode driftScenario}. */
export interface DriftScenarioOptions {
  /** What changes. */
  change: ScenarioChange;
  /** When and how, counted in windows. */
  schedule: DriftSchedule;
  /** Rows per window, drawn with replacement from the table. @default {500} */
  windowRows?: number;
  /** Seed; window i draws from its own seeded stream, so windows are independent of order. @default {0} */
  seed?: number;
}

/** A scenario: its windows, each a pure function of its index. */
export interface DriftScenario {
  /** Rows per window. */
  readonly windowRows: number;
  /** The new concept's weight in window `index` (see `driftWeight`). */
  weight(index: number): number;
  /**
   * Window `index` (≥ 0): `windowRows` rows drawn with replacement, then changed. O(windowRows ·
   * columns).
   * @throws {RangeError} When `index` is not a non-negative integer.
   */
  window(index: number): Table;
}

/**
 * Builds a scenario over `table`: window i draws `windowRows` rows with replacement and applies
 * the change at the schedule's weight w = `driftWeight(schedule, i)`:
 * - `"gradual"`: each row takes the full change with probability w (two concepts mixed);
 * - every other pattern: the change is applied to every row at size `amount · w` for data changes
 *   (w is 0 or 1 except for `"incremental"`), the label mix `(1 − w) · table's + w · priors` for
 *   label shift, and `relabel(row, w)` on every row for concept drift when w > 0.
 * Label shift draws each row's class from the mixed priors, then a row of that class uniformly,
 * so P(x | y) stays the table's. Concept drift draws rows as before the drift and only rewrites
 * the label, so every input test stays quiet while a model's accuracy falls.
 *
 * @param table The rows to resample (e.g. a reference set with its label column).
 * @param options The change, its schedule, window size and seed.
 * @returns The scenario.
 * @throws {TypeError} When the change names a missing column or has an unknown kind.
 * @throws {RangeError} When `windowRows` is not a positive integer, the table is empty, the
 * schedule is invalid, or the priors are not non-negative with a positive sum over the table's labels.
 * @example Concept drift: same inputs, new labels from window 3
 * ```ts
 * import { driftScenario } from "./drift_scenario.ts";
 * import { tableFromColumns } from "./table.ts";
 * const table = tableFromColumns({ x: [1, 2, 3, 4], label: ["lo", "lo", "hi", "hi"] });
 * const scenario = driftScenario(table, {
 *   change: { kind: "concept", column: "label", relabel: (r) => (r.x as number) > 1 ? "hi" : "lo" },
 *   schedule: { pattern: "sudden", start: 3 },
 *   windowRows: 200,
 * });
 * const his = (i: number) => (scenario.window(i).columns.label as string[]).filter((v) => v === "hi").length;
 * if (!(his(0) < 130 && his(3) > 130)) throw new Error(`${his(0)} ${his(3)}`);
 * // a window is the same however often it is read
 * if (scenario.window(3).columns.x!.toString() !== scenario.window(3).columns.x!.toString()) throw new Error();
 * ```
 */
export function driftScenario(table: Table, options: DriftScenarioOptions): DriftScenario {
  const { change, schedule, windowRows = 500, seed = 0 } = options;
  if (!Number.isInteger(windowRows) || windowRows < 1) {
    throw new RangeError(
      `Cannot build a drift scenario: windowRows must be a positive integer, got ${windowRows}`,
    );
  }
  if (table.nRows < 1) throw new RangeError("Cannot build a drift scenario: the table has no rows");
  if (!table.names.includes(change.column)) {
    throw new TypeError(`Cannot build a drift scenario: no column "${change.column}"`);
  }
  driftWeight(schedule, 0); // validates the schedule once
  const label = change.kind === "label_shift" ? labelIndex(table, change) : undefined;
  const unit = change.kind === "shift" || change.kind === "noise"
    ? (change.units ?? "sd") === "sd" ? columnSd(table.columns[change.column]!, change.column) : 1
    : 1;

  function window(index: number): Table {
    if (!Number.isInteger(index) || index < 0) {
      throw new RangeError(
        `Cannot draw scenario window ${index}: index must be a non-negative integer`,
      );
    }
    const w = driftWeight(schedule, index);
    const random = seededRandom(
      (Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0,
    );
    const rows = new Uint32Array(windowRows);
    if (label !== undefined) {
      const p = label.base.map((b, c) => (1 - w) * b + w * label.target[c]!);
      for (let j = 0; j < windowRows; j++) {
        const members = label.rows[pick(p, random())]!;
        rows[j] = members[Math.floor(random() * members.length)]!;
      }
    } else {
      for (let j = 0; j < windowRows; j++) rows[j] = Math.floor(random() * table.nRows);
    }
    const drawn = selectRows(table, rows);
    if (w === 0 || change.kind === "label_shift") return drawn;
    const gradual = schedule.pattern === "gradual";
    const full = gradual ? 1 : w;
    let changed: Column;
    if (change.kind === "concept") {
      changed = relabelColumn(drawn, change, full);
    } else {
      const amount = change.amount * full *
        (change.kind === "shift" || change.kind === "noise" ? unit : 1);
      changed = simulateDrift(drawn, {
        kind: change.kind,
        column: change.column,
        amount,
        units: "absolute",
        random,
        ...(change.category === undefined ? {} : { category: change.category }),
      }).columns[change.column]!;
    }
    if (gradual && w < 1) changed = mixRows(drawn.columns[change.column]!, changed, w, random);
    return {
      names: drawn.names,
      columns: { ...drawn.columns, [change.column]: changed },
      nRows: windowRows,
    };
  }

  return { windowRows, weight: (i) => driftWeight(schedule, i), window };
}

function pick(p: readonly number[], u: number): number {
  const total = p.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let c = 0; c < p.length; c++) {
    acc += p[c]! / total;
    if (u < acc) return c;
  }
  return p.length - 1;
}

function labelIndex(table: Table, change: LabelShiftChange) {
  const values = table.columns[change.column]!;
  const keys: string[] = Array.from(values as ArrayLike<number | string | null>, (v) => String(v));
  const levels = [...new Set(keys)].sort();
  const rows = levels.map((l) => keys.flatMap((k, i) => (k === l ? [i] : [])));
  const base = rows.map((r) => r.length / keys.length);
  for (const [k, v] of Object.entries(change.priors)) {
    if (!levels.includes(k)) {
      throw new RangeError(`Cannot shift labels of "${change.column}": label "${k}" never occurs`);
    }
    if (!(Number.isFinite(v) && v >= 0)) {
      throw new RangeError(
        `Cannot shift labels of "${change.column}": prior of "${k}" must be >= 0, got ${v}`,
      );
    }
  }
  const target = levels.map((l) => change.priors[l] ?? 0);
  const sum = target.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) {
    throw new RangeError(`Cannot shift labels of "${change.column}": priors sum to ${sum}`);
  }
  return { rows, base, target: target.map((t) => t / sum) };
}

function columnSd(column: Column, name: string): number {
  if (!(column instanceof Float64Array)) {
    throw new TypeError(`Cannot build a drift scenario: column "${name}" is not numeric`);
  }
  const f = column.filter(Number.isFinite);
  const mean = f.reduce((a, b) => a + b, 0) / f.length;
  const sd = Math.sqrt(f.reduce((a, v) => a + (v - mean) ** 2, 0) / f.length);
  if (!Number.isFinite(sd)) {
    throw new RangeError(`Cannot build a drift scenario: column "${name}" has no finite values`);
  }
  return sd;
}

function relabelColumn(table: Table, change: ConceptChange, weight: number): Column {
  const old = table.columns[change.column]!;
  const numeric = old instanceof Float64Array;
  const out: (number | string | null)[] = [];
  for (let j = 0; j < table.nRows; j++) {
    const row: Record<string, number | string | null> = {};
    for (const name of table.names) row[name] = table.columns[name]![j]!;
    out.push(change.relabel(row, weight));
  }
  return numeric
    ? Float64Array.from(out, (v) => (typeof v === "number" ? v : NaN))
    : out.map((v) => v === null ? null : String(v));
}

function mixRows(before: Column, after: Column, w: number, random: () => number): Column {
  if (before instanceof Float64Array) {
    return before.map((v, j) => (random() < w ? (after as Float64Array)[j]! : v));
  }
  return before.map((v, j) => (random() < w ? (after as (string | null)[])[j]! : v));
}
