/**
 * Exports a stored image as OME-Zarr: a copy of its NGFF folder without Fovea's own files. The
 * copy is made under a temporary name beside the target and renamed when complete.
 */
import { randomBytes } from "node:crypto";
import { access, cp, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { PixelStore } from "@fovea/core";
import { FoveaError } from "@fovea/model";
import { MANIFEST_FILE, THUMBNAIL_FILE } from "../store/store-paths.ts";

/** Copies image `key` to the folder `target` (which must not exist). */
export async function exportOmeZarr(store: PixelStore, key: string, target: string): Promise<void> {
  await store.layout(key); // NOT_FOUND for an unknown key, before anything is copied
  if (await access(target).then(() => true, () => false)) throw new FoveaError("CONFLICT", `${target} already exists`);
  const source = store.location(key);
  const part = join(dirname(target), `.${basename(target)}.part-${randomBytes(4).toString("hex")}`);
  const fovea = new Set([join(source, MANIFEST_FILE), join(source, THUMBNAIL_FILE)]);
  try {
    await cp(source, part, { recursive: true, errorOnExist: true, force: false, filter: (src) => !fovea.has(src) });
    await rename(part, target);
  } catch (err) {
    await rm(part, { recursive: true, force: true });
    throw err;
  }
}
