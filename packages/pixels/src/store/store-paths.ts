/**
 * Where an image lives in the store root, and the rule for keys. Keys become folder names, so only
 * a conservative alphabet is accepted: no separators, no leading dot (temp folders start with one).
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { FoveaError } from "@fovea/model";

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Throws VALIDATION_FAILED unless `key` is 1–128 of [A-Za-z0-9_-], starting alphanumeric. */
export function assertSafeKey(key: string): void {
  if (typeof key !== "string" || !KEY.test(key)) {
    const message = `pixel store key must be 1-128 characters of A-Z a-z 0-9 _ - starting with a letter or digit, got ${JSON.stringify(key)}`;
    throw new FoveaError("VALIDATION_FAILED", message, { details: [{ field: "key", message }] });
  }
}

/** The published OME-Zarr folder of `key`. */
export function imageDir(root: string, key: string): string {
  assertSafeKey(key);
  return join(root, `${key}.ome.zarr`);
}

/** A fresh, unique scratch folder name for `key` (a write in progress, or a delete). */
export function tempDir(root: string, key: string, purpose: "tmp" | "del" = "tmp"): string {
  assertSafeKey(key);
  return join(root, `.${purpose}-${key}-${randomBytes(6).toString("hex")}`);
}

/** Fovea's own files next to the OME-Zarr arrays (community tools ignore them). */
export const MANIFEST_FILE = "fovea.json";
export const THUMBNAIL_FILE = "thumbnail.png";
