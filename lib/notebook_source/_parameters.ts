/**
 * Private helper of `source.ts`: reads the defaults of a papermill-style `parameters` cell and
 * rewrites them with overrides, keeping one output line per input line so that error locations
 * still map to the notebook.
 *
 * @module
 */

/** A value a notebook parameter can be overridden with. */
export type ParameterValue = string | number | boolean;

/** The type of a parameter, taken from its default; `"other"` cannot be overridden. */
export type ParameterKind = "number" | "string" | "boolean" | "other";

/** One `const|let|var name = value;` line of a parameters cell. */
export interface ParameterDefault {
  /** Binding name. */
  readonly name: string;
  /** Type of the default literal. */
  readonly kind: ParameterKind;
  /** 0-based line index inside the cell. */
  readonly line: number;
  /** Text before the value (`const threshold: number = `). */
  readonly prefix: string;
  /** The default's source text (`0.2`). */
  readonly value: string;
  /** Text after the value (`; // comment`). */
  readonly suffix: string;
}

const DECLARATION = /^(\s*(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*)/;
const NUMBER = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;

/** Index where the value expression ends: the first `;` or `//` outside a string literal. */
function valueEnd(text: string, start: number): number {
  let quote = "";
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === ";" || (c === "/" && text[i + 1] === "/")) return i;
  }
  return text.length;
}

function kindOf(value: string): ParameterKind {
  if (value === "true" || value === "false") return "boolean";
  if (NUMBER.test(value)) return "number";
  const q = value[0];
  if (value.length >= 2 && (q === '"' || q === "'") && value.at(-1) === q) return "string";
  if (value.length >= 2 && q === "`" && value.at(-1) === "`" && !value.includes("${")) {
    return "string";
  }
  return "other";
}

/**
 * Reads the declarations of a parameters cell, one per line; other lines are ignored.
 *
 * @param source The cell's source text.
 * @returns The declarations in source order.
 */
export function parseParameters(source: string): ParameterDefault[] {
  const out: ParameterDefault[] = [];
  source.split("\n").forEach((text, line) => {
    const match = DECLARATION.exec(text);
    if (!match) return;
    const prefix = match[1] ?? "";
    const end = valueEnd(text, prefix.length);
    const raw = text.slice(prefix.length, end);
    const value = raw.trimEnd();
    const suffix = raw.slice(value.length) + text.slice(end);
    out.push({ name: match[2] ?? "", kind: kindOf(value), line, prefix, value, suffix });
  });
  return out;
}

function describe(value: ParameterValue): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The TypeScript literal for `value`, converted to the default's type. */
function literal(param: ParameterDefault, value: ParameterValue): string {
  const fail = (what: string) =>
    new TypeError(`Parameter "${param.name}" expects ${what}, got ${describe(value)}`);
  switch (param.kind) {
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) throw fail("a finite number");
      return String(n);
    }
    case "boolean": {
      if (typeof value === "boolean") return String(value);
      if (value === "true" || value === "false") return value;
      throw fail("a boolean");
    }
    case "string": {
      if (typeof value !== "string") throw fail("a string");
      return JSON.stringify(value);
    }
    default:
      throw new TypeError(
        `Parameter "${param.name}" cannot be overridden: its default ${param.value} is not a number, string or boolean literal`,
      );
  }
}

/**
 * Rewrites a parameters cell with overrides, line for line.
 *
 * @param source The cell's source text.
 * @param overrides Values by parameter name (strings are converted to number or boolean defaults).
 * @param notebook Notebook name for error messages.
 * @returns The rewritten source, with the same number of lines.
 * @throws {RangeError} When an override names no parameter of the cell.
 * @throws {TypeError} When a value does not fit its default's type.
 */
export function applyParameters(
  source: string,
  overrides: Readonly<Record<string, ParameterValue>>,
  notebook: string,
): string {
  const params = parseParameters(source);
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const name of Object.keys(overrides)) {
    if (!byName.has(name)) {
      const known = params.map((p) => `"${p.name}"`).join(", ") || "none";
      throw new RangeError(
        `Unknown parameter "${name}" for notebook "${notebook}": known parameters are ${known}`,
      );
    }
  }
  const lines = source.split("\n");
  for (const param of params) {
    if (!Object.hasOwn(overrides, param.name)) continue;
    const value = overrides[param.name] as ParameterValue;
    lines[param.line] = param.prefix + literal(param, value) + param.suffix;
  }
  return lines.join("\n");
}
