/**
 * Escapes text for HTML element content and attribute values (the status page's pieces).
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./_escape_html.ts";
 * if (escapeHtml('<a href="x">') !== "&#60;a href=&#34;x&#34;&#62;") throw new Error();
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
