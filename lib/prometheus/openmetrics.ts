/**
 * Prometheus text 0.0.4 → OpenMetrics 1.0 for the exporter's `/metrics`.
 *
 * Why not prom-client's own OpenMetrics mode: `Registry#metrics()` in that mode renames every
 * counter object in place (`name.replace(/_total$/, "")`), so once one OpenMetrics scrape has
 * happened, the next Prometheus-format scrape prints counters without `_total`. Converting the
 * text leaves the shared metric objects alone and costs one pass over the lines.
 *
 * @module
 */

/** The OpenMetrics content type the exporter answers with. */
export const OPENMETRICS_CONTENT_TYPE =
  "application/openmetrics-text; version=1.0.0; charset=utf-8";

/**
 * Converts a Prometheus text exposition to OpenMetrics: counter families are named without
 * `_total` in `# HELP`/`# TYPE` (samples keep it, adding it when missing), blank lines go, `NaN`
 * is spelled as OpenMetrics wants, and `# EOF` ends the text. Cost O(length).
 *
 * @param text Prometheus text format 0.0.4, as prom-client renders it (`# HELP` before `# TYPE`).
 * @returns The same families in OpenMetrics 1.0 text.
 * @example
 * ```ts
 * import { toOpenMetrics } from "./openmetrics.ts";
 * const om = toOpenMetrics("# HELP x_total Runs\n# TYPE x_total counter\nx_total 2\n");
 * if (om !== "# HELP x Runs\n# TYPE x counter\nx_total 2\n# EOF\n") throw new Error(om);
 * ```
 */
export function toOpenMetrics(text: string): string {
  const out: string[] = [];
  const counters = new Set<string>();
  let help: string | undefined; // prom-client writes # HELP just before # TYPE
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("# HELP ")) {
      help = line;
      continue;
    }
    if (line.startsWith("# TYPE ")) {
      const [, , name = "", type = ""] = line.split(" ");
      const family = type === "counter" ? name.replace(/_total$/, "") : name;
      if (type === "counter") counters.add(name);
      if (help !== undefined) out.push(`# HELP ${family}${help.slice(7 + name.length)}`);
      out.push(`# TYPE ${family} ${type}`);
      help = undefined;
      continue;
    }
    if (line.startsWith("#")) {
      out.push(line);
      continue;
    }
    const end = line.search(/[{ ]/);
    const name = line.slice(0, end);
    const sample = line.replace(/ Nan$/, " NaN");
    out.push(
      counters.has(name) && !name.endsWith("_total") ? `${name}_total${sample.slice(end)}` : sample,
    );
  }
  out.push("# EOF");
  return out.join("\n") + "\n";
}
