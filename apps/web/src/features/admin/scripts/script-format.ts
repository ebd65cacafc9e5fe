/** Small pure pieces of the Scripts tab: upload fields, how hashes and dates are shown, refusals. */
import type { UploadScriptFields } from "@fovea/client";
import { isFoveaError } from "@fovea/model";

/** The file types the server reads (its `NAME.ts|js|mjs|py` rule). */
export const SCRIPT_FILE_TYPES = ".ts,.mts,.js,.mjs,.py";

/** Folder left empty: the script's declared folder (or the server's default) is used. */
export function uploadFieldsOf(official: boolean, folder: string): UploadScriptFields {
  const trimmed = folder.trim();
  return { official, ...(trimmed && { folder: trimmed }) };
}

/** Enough of a sha256 to tell versions apart at a glance; the full hash goes in a tooltip. */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 10);
}

export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/**
 * The script's own error when the server refused it because it does not compile or its
 * declaration cannot be read (SCRIPT_INVALID): compiler output with the line, or the stack of
 * the script in describe mode. It is shown verbatim, whitespace kept, because the column markers
 * only make sense in a fixed-width block.
 */
export function scriptRefusalText(err: unknown): string | undefined {
  return isFoveaError(err, "SCRIPT_INVALID") ? err.message : undefined;
}
