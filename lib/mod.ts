/**
 * Vigil: a notebook-first workbench for monitoring AI systems.
 *
 * This module re-exports the pure core (no Vega, no server code).
 *
 * @module
 */
export * from "./types.ts";
