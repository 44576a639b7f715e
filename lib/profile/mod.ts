/**
 * The reference profile: what the training data looked like, frozen once and saved as JSON, so
 * that the drift and quality checks compare each window against fixed numbers rather than
 * re-reading the training set. {@linkcode buildProfile} computes it from a table,
 * {@linkcode profileToJSON} and {@linkcode profileFromJSON} save and load it.
 *
 * @example
 * ```ts
 * import { buildProfile, profileFromJSON, profileToJSON } from "./mod.ts";
 * import { tableFromColumns } from "../data/mod.ts";
 * const profile = buildProfile(tableFromColumns({ x: [1, 2, 3, 4] }), { createdAt: new Date(0) });
 * const back = profileFromJSON(profileToJSON(profile));
 * if (back.nRows !== 4 || back.columns.x?.kind !== "numeric") throw new Error();
 * ```
 *
 * @module
 */
// Types of other folders that this folder's signatures use, so this entry point is self-contained.
export type { Column, ColumnKind, NonNumericSample, Table } from "../data/mod.ts";
export type { SortedSample } from "../stats/mod.ts";
export * from "./profile.ts";
