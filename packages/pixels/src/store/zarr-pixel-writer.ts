/**
 * Writes one image into a temporary folder and publishes it by renaming the folder, so that a
 * reader sees either nothing or a complete image (every plane, level, thumbnail and manifest).
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as zarr from "zarrita";
import type { ImageMetadata, PixelWriter, StoredLayout } from "@fovea/core";
import { FoveaError, type FieldIssue } from "@fovea/model";
import { pixelTypeOf, type Plane } from "../common/pixel-types.ts";
import { makeThumbnail, thumbnailLevel } from "../render/thumbnail.ts";
import { ChannelStatsAccumulator } from "./channel-stats.ts";
import { pyramidLevelSizes } from "./downsample.ts";
import { omeAttributes } from "./ngff-attributes.ts";
import { buildPyramid } from "./pyramid-builder.ts";
import { writeManifest } from "./store-manifest.ts";
import { THUMBNAIL_FILE } from "./store-paths.ts";
import { createLevelArray, readRows, writeRows, zarrRoot, type LevelArray } from "./zarr-arrays.ts";
import { TILE_SIZE } from "./zarr-codec.ts";

type State = "open" | "committing" | "committed" | "aborted" | "failed";

export class ZarrPixelWriter implements PixelWriter {
  #state: State = "open";
  readonly #stats: ChannelStatsAccumulator;
  /** One flag per (z, c, t): commit refuses an image with a plane never written. */
  readonly #written: Uint8Array;

  private constructor(
    private readonly key: string,
    private readonly meta: ImageMetadata,
    private readonly tmp: string,
    private readonly finalDir: string,
    private readonly level0: LevelArray,
  ) {
    this.#stats = new ChannelStatsAccumulator(meta.sizeC);
    this.#written = new Uint8Array(meta.sizeZ * meta.sizeC * meta.sizeT);
  }

  /** Creates the temp folder and the level-0 array. The caller checked key and metadata. */
  static async open(key: string, meta: ImageMetadata, tmp: string, finalDir: string): Promise<ZarrPixelWriter> {
    await mkdir(tmp, { recursive: false });
    try {
      const shape = { sizeT: meta.sizeT, sizeC: meta.sizeC, sizeZ: meta.sizeZ, sizeY: meta.sizeY, sizeX: meta.sizeX };
      const level0 = await createLevelArray(zarrRoot(tmp), 0, shape, meta.pixelType);
      return new ZarrPixelWriter(key, meta, tmp, finalDir, level0);
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
  }

  async writePlane(z: number, c: number, t: number, plane: Plane, signal?: AbortSignal): Promise<void> {
    this.#expect("open", "writePlane");
    this.#checkPlane(z, c, t, plane);
    const { sizeX, sizeY } = this.meta;
    // Rows are written one chunk row at a time so zarrita never copies more than a band.
    for (let y = 0; y < sizeY; y += TILE_SIZE) {
      const rows = Math.min(TILE_SIZE, sizeY - y);
      await writeRows(this.level0, t, c, z, y, plane.data.subarray(y * sizeX, (y + rows) * sizeX), sizeX, rows, signal);
    }
    this.#stats.add(c, plane.data);
    this.#written[this.#planeIndex(z, c, t)] = 1;
  }

  async commit(signal?: AbortSignal): Promise<StoredLayout> {
    this.#expect("open", "commit");
    this.#state = "committing";
    try {
      const layout = await this.#finish(signal);
      await rename(this.tmp, this.finalDir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === "ENOTEMPTY" || err.code === "EEXIST") throw new FoveaError("CONFLICT", `pixels already stored under key ${this.key}`);
        throw err;
      });
      this.#state = "committed";
      return layout;
    } catch (err) {
      this.#state = "failed";
      await rm(this.tmp, { recursive: true, force: true });
      throw err;
    }
  }

  async abort(): Promise<void> {
    // After a commit the image is published: removing it is delete()'s job, not abort()'s.
    if (this.#state === "committed") return;
    if (this.#state !== "committing") this.#state = "aborted";
    await rm(this.tmp, { recursive: true, force: true });
  }

  /** Pyramid, thumbnail, NGFF attributes and manifest, all inside the temp folder. */
  async #finish(signal?: AbortSignal): Promise<StoredLayout> {
    const missing = this.#written.indexOf(0);
    if (missing >= 0) {
      const { z, c, t } = this.#planeCoords(missing);
      throw new FoveaError("VALIDATION_FAILED", `plane z=${z} c=${c} t=${t} of ${this.key} was never written`, {
        details: [{ field: "plane", message: `z=${z} c=${c} t=${t} missing` }],
      });
    }
    const m = this.meta;
    const levels = pyramidLevelSizes(m.sizeX, m.sizeY);
    const root = zarrRoot(this.tmp);
    const arrays = await buildPyramid(root, this.level0, { ...m, levels }, signal);
    const stats = this.#stats.result();
    await this.#writeThumbnail(arrays, levels, signal);
    await zarr.create(root, { attributes: { ome: omeAttributes(m, levels.length, stats) } });
    const layout: StoredLayout = { pixelType: m.pixelType, sizeZ: m.sizeZ, sizeC: m.sizeC, sizeT: m.sizeT, levels, tileSize: TILE_SIZE };
    signal?.throwIfAborted();
    await writeManifest(this.tmp, { format: "fovea-pixels", version: 1, layout, channelStats: stats, image: m });
    return layout;
  }

  async #writeThumbnail(arrays: LevelArray[], levels: { sizeX: number; sizeY: number }[], signal?: AbortSignal): Promise<void> {
    const level = thumbnailLevel(levels);
    const { sizeX, sizeY } = levels[level]!;
    const z = Math.floor(this.meta.sizeZ / 2);
    const planes: Plane[] = [];
    for (let c = 0; c < this.meta.sizeC; c++) {
      planes.push(await readRows(arrays[level]!, 0, c, z, { x: 0, y: 0, width: sizeX, height: sizeY }, signal));
    }
    const png = await makeThumbnail(planes, this.#stats.result(), this.meta.channels);
    await writeFile(join(this.tmp, THUMBNAIL_FILE), png);
  }

  #checkPlane(z: number, c: number, t: number, plane: Plane): void {
    const m = this.meta;
    const issues: FieldIssue[] = [];
    const index = (field: string, v: number, size: number) => {
      if (!Number.isInteger(v) || v < 0 || v >= size) issues.push({ field, message: `must be an integer in 0..${size - 1}, got ${v}` });
    };
    index("z", z, m.sizeZ);
    index("c", c, m.sizeC);
    index("t", t, m.sizeT);
    if (plane.width !== m.sizeX || plane.height !== m.sizeY) {
      issues.push({ field: "plane", message: `is ${plane.width}×${plane.height}, the image is ${m.sizeX}×${m.sizeY}` });
    } else if (plane.data.length !== m.sizeX * m.sizeY) {
      issues.push({ field: "plane.data", message: `holds ${plane.data.length} values, expected ${m.sizeX * m.sizeY}` });
    }
    const type = typeName(plane.data);
    if (type !== m.pixelType) issues.push({ field: "plane.data", message: `is ${type}, the image is ${m.pixelType}` });
    if (issues.length > 0) {
      throw new FoveaError("VALIDATION_FAILED", `bad plane for ${this.key}: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`, { details: issues });
    }
  }

  #planeIndex(z: number, c: number, t: number): number {
    return (t * this.meta.sizeC + c) * this.meta.sizeZ + z;
  }

  #planeCoords(i: number): { z: number; c: number; t: number } {
    const { sizeZ, sizeC } = this.meta;
    return { z: i % sizeZ, c: Math.floor(i / sizeZ) % sizeC, t: Math.floor(i / (sizeZ * sizeC)) };
  }

  #expect(state: State, action: string): void {
    if (this.#state !== state) throw new FoveaError("CONFLICT", `cannot ${action}: the writer of ${this.key} is ${this.#state}`);
  }
}

function typeName(data: Plane["data"]): string {
  try {
    return pixelTypeOf(data);
  } catch {
    return (data as object)?.constructor?.name ?? typeof data;
  }
}
