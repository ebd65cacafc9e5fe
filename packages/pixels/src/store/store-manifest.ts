/**
 * `fovea.json`: what Fovea needs to serve an image without parsing the NGFF attributes: the
 * layout, the channel statistics and the metadata it was created with. Written last before the
 * folder is published, so its presence marks a complete image.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ImageMetadata, StoredLayout } from "@fovea/core";
import { FoveaError, PIXEL_TYPES } from "@fovea/model";
import type { ChannelStats } from "../common/render-defaults.ts";
import { MANIFEST_FILE } from "./store-paths.ts";

export interface StoreManifest {
  readonly format: "fovea-pixels";
  readonly version: 1;
  readonly layout: StoredLayout;
  readonly channelStats: readonly ChannelStats[];
  readonly image: ImageMetadata;
}

export async function writeManifest(dir: string, manifest: StoreManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
}

/** Reads the manifest of a published image; NOT_FOUND when there is none. */
export async function readManifest(dir: string, key: string): Promise<StoreManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new FoveaError("NOT_FOUND", `no pixels stored under key ${key}`);
    throw err;
  }
  const m = JSON.parse(text) as StoreManifest;
  if (m.format !== "fovea-pixels" || m.version !== 1 || !PIXEL_TYPES.includes(m.layout?.pixelType)) {
    throw new FoveaError("INTERNAL", `pixel store manifest of ${key} is not a version 1 Fovea manifest`);
  }
  return m;
}
