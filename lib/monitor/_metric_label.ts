/**
 * Label comparison and display of metric names with their labels.
 *
 * @module
 */

/** Whether two label sets are equal (absent labels equal `{}`). */
export function sameLabels(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>> | undefined,
): boolean {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (a?.[k] !== b?.[k]) return false;
  return true;
}

/** `precision{class="setosa"}` or `accuracy`: how messages and tables show a metric. */
export function metricLabel(
  name: string,
  labels: Readonly<Record<string, string>> | undefined,
): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return name;
  return `${name}{${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}}`;
}
