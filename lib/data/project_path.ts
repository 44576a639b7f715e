/**
 * Paths relative to the project root, for notebooks: the Deno Jupyter kernel has no
 * `import.meta` (its cells are scripts), and a notebook's working directory differs between the
 * kernel and module runs (`notebooks/`) and the exporter (the repository root). A path resolved
 * from this module's own location is the same in all three.
 *
 * @module
 */

/** The project root (the folder that holds `lib/`), as an absolute path with a trailing `/`. */
const ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname);

/**
 * Resolves `path` against the project root (the folder holding `lib/`, `data/`, `notebooks/`);
 * an absolute path is returned unchanged. Works the same whatever the working directory, and in
 * the Deno Jupyter kernel, where `import.meta.url` is not available to cells. O(path length).
 *
 * @param path A project-relative path such as `"data/baseline.json"`, or an absolute path.
 * @returns The absolute path, normalised (no `.` or `..` segments).
 * @throws {TypeError} When `path` is not a non-empty string.
 * @example
 * ```ts
 * import { projectPath } from "./mod.ts";
 * const iris = projectPath("data/iris.csv");
 * if (!iris.endsWith("/data/iris.csv") || !iris.startsWith("/")) throw new Error(iris);
 * if (projectPath("/tmp/x.csv") !== "/tmp/x.csv") throw new Error("absolute path changed");
 * if (projectPath("notebooks/../data/iris.csv") !== iris) throw new Error("not normalised");
 * ```
 */
export function projectPath(path: string): string {
  if (typeof path !== "string" || path === "") {
    throw new TypeError(`Cannot resolve a project path: expected a non-empty string, got ${path}`);
  }
  const base = path.startsWith("/") ? "file:///" : `file://${ROOT}`;
  const url = new URL(path.split("/").map(encodeURIComponent).join("/"), base);
  return decodeURIComponent(url.pathname);
}
