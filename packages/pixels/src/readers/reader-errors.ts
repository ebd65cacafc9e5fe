/**
 * The two ways a reader fails (SPEC §3: "a clear error naming the file and the reason"):
 * FILE_UNREADABLE for a file of a known format whose bytes are missing or corrupt, and
 * UNSUPPORTED_FORMAT for a format (or a variant of one) we do not read. Library errors never
 * leave a reader raw: they become FILE_UNREADABLE with the library's message and `cause`.
 */
import { basename } from "node:path";
import { FoveaError, isFoveaError } from "@fovea/model";

/** The name shown to users: the base name, since uploads live under temporary folders. */
export function displayName(path: string): string {
  return basename(path.replace(/[/\\]+$/, "")) || path;
}

/**
 * An image's name, as OMERO names imported images: the file's name when the file holds one image
 * (writers' series names such as tifffile's "Image0" say nothing), else "file [series]".
 */
export function imageName(path: string, seriesName: string | undefined, index: number, count: number): string {
  if (count <= 1) return displayName(path);
  return `${displayName(path)} [${seriesName?.trim() || index + 1}]`;
}

export function unreadable(path: string, reason: string, cause?: unknown): FoveaError {
  return new FoveaError("FILE_UNREADABLE", `${displayName(path)}: ${reason}`, cause === undefined ? {} : { cause });
}

export function unsupported(path: string, reason: string): FoveaError {
  return new FoveaError("UNSUPPORTED_FORMAT", `${displayName(path)}: ${reason}`);
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");
}

/**
 * Turns whatever a library threw into a reader error. FoveaErrors and aborts pass unchanged (an
 * abort is the caller's doing, not the file's); everything else, RangeError and TypeError from
 * geotiff's DataViews included, becomes FILE_UNREADABLE saying what we were doing.
 */
export function asReaderError(path: string, err: unknown, doing: string): unknown {
  if (isFoveaError(err) || isAbort(err)) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return unreadable(path, `${doing} failed: ${detail}`, err);
}

/** Runs `fn`, converting its failures with asReaderError. */
export async function guard<T>(path: string, doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asReaderError(path, err, doing);
  }
}
