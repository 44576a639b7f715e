/**
 * Notebook → type-checked module: reads `.ipynb` JSON, concatenates code cells with cell markers
 * (cells tagged `notebook-only` can be left out), applies `parameters` overrides (the papermill
 * convention), type-checks and imports or runs the result, and maps errors back to "notebook X,
 * cell N, line M". Display in notebooks lives in lib/notebook.
 *
 * @example
 * ```ts
 * import { notebookToModule } from "./mod.ts";
 * const nb = {
 *   nbformat: 4, nbformat_minor: 5, metadata: {},
 *   cells: [{ cell_type: "code", source: "const a = 1;" }],
 * };
 * const { code } = notebookToModule(nb, { path: "n.ipynb" });
 * if (!code.includes("const a = 1;")) throw new Error(code);
 * ```
 *
 * @module
 */
export * from "./source.ts";
