/** Turns anything thrown by the client into text for a person, keeping structured details apart. */
import { isFoveaError } from "@fovea/model";

export interface ShownError {
  code: string;
  message: string;
  /** `details` of the error envelope, e.g. `[{ param, code, message }]` for PARAM_INVALID. */
  details: unknown;
}

export function toShownError(err: unknown): ShownError {
  if (isFoveaError(err)) return { code: err.code, message: err.message, details: err.details };
  if (err instanceof Error) return { code: "INTERNAL", message: err.message, details: undefined };
  return { code: "INTERNAL", message: String(err), details: undefined };
}

export function errorMessage(err: unknown): string {
  return toShownError(err).message;
}

/** True for an aborted fetch (a component unmounted or a newer request replaced it). */
export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}
