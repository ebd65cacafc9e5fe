/**
 * A failed save in words: the server's message and, for SHAPE_INVALID, one line per offending
 * field as the validator named it (`body.shapes[0].z` → `z`), so the user sees what to fix.
 */
import { toShownError } from "../../../api/error-message.ts";

/** A failed save, ready to show: code, message, and `field message` lines. */
export interface SaveErrorText {
  readonly code: string;
  readonly message: string;
  readonly fields: readonly string[];
}

function isIssue(v: unknown): v is { field: string; message: string } {
  return typeof v === "object" && v !== null && typeof (v as { field?: unknown }).field === "string" && typeof (v as { message?: unknown }).message === "string";
}

/** `body.shapes[3].points[1][0]` → `points[1][0]`; `body.z` → `z`. */
export function shapeField(field: string): string {
  return field.replace(/^body\.(shapes\[\d+\]\.)?/, "");
}

/** Reads any error Save met (the client's FoveaErrors carry the envelope's details). */
export function describeSaveError(error: unknown): SaveErrorText {
  const shown = toShownError(error);
  const issues = Array.isArray(shown.details) ? shown.details.filter(isIssue) : [];
  return { code: shown.code, message: shown.message, fields: issues.map((i) => `${shapeField(i.field)} ${i.message}`) };
}
