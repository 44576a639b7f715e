/**
 * The error a handler throws for a request it refuses; the service turns it into a JSON response.
 *
 * @module
 */

/**
 * A refused request: an HTTP status, a message, and where in the body the problem is.
 *
 * @example
 * ```ts
 * import { RequestError } from "./request_error.ts";
 * const e = new RequestError(400, "Feature is not a finite number", { field: "rows[2].petal_width", value: "x" });
 * if (e.toJSON().field !== "rows[2].petal_width" || e.status !== 400) throw new Error();
 * ```
 */
export class RequestError extends Error {
  /** HTTP status to answer with. */
  readonly status: number;
  /** Path of the offending field in the body (`rows[2].petal_width`), when one is to blame. */
  readonly field: string | undefined;
  /** The offending value (as sent, truncated), when one is to blame. */
  readonly value: unknown;

  /** Builds the error; `details` names the field and value. */
  constructor(status: number, message: string, details: { field?: string; value?: unknown } = {}) {
    super(message);
    this.name = "RequestError";
    this.status = status;
    this.field = details.field;
    this.value = typeof details.value === "string" && details.value.length > 100
      ? `${details.value.slice(0, 100)}…`
      : details.value;
  }

  /** The JSON body of the error response. */
  toJSON(): { error: string; field?: string; value?: unknown } {
    return {
      error: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...("value" in this && this.value !== undefined ? { value: this.value } : {}),
    };
  }
}
