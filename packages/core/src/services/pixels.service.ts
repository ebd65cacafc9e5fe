/**
 * Access to an image's stored pixels and original files, after the access check: the pixel
 * routes (raw planes, tiles, regions, rendering, thumbnails) and export go through here.
 */
import { FoveaError, type Plane } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { requireAccess } from "../access/guard.ts";
import type { ImageRecord, OriginalFileRecord, Region, StoredLayout } from "../ports/index.ts";
import type { ServiceDeps } from "./ports.ts";

export interface PlaneRequest {
  readonly level: number;
  readonly z: number;
  readonly c: number;
  readonly t: number;
  /** Absent: the whole plane at that level. */
  readonly region?: Region | undefined;
}

export class PixelsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The image record and its store key, for an image the actor may read that has pixels. */
  async resolve(actor: Actor, imageId: number): Promise<{ image: ImageRecord; key: string }> {
    const image = requireAccess(actor, "read", await this.deps.repos.containers.findImage(imageId), `Image ${imageId}`);
    if (!image.storeKey) throw new FoveaError("NOT_FOUND", `Image ${imageId} has no stored pixels`);
    return { image, key: image.storeKey };
  }

  async layout(actor: Actor, imageId: number): Promise<StoredLayout> {
    return this.deps.pixels.layout((await this.resolve(actor, imageId)).key);
  }

  /** Raw values of a plane or region, checked against the image's dimensions. */
  async read(actor: Actor, imageId: number, req: PlaneRequest, signal?: AbortSignal): Promise<Plane> {
    const { image, key } = await this.resolve(actor, imageId);
    const layout = await this.deps.pixels.layout(key);
    checkPlane(image, layout, req);
    const lvl = layout.levels[req.level]!;
    const region = req.region ?? { x: 0, y: 0, width: lvl.sizeX, height: lvl.sizeY };
    return this.deps.pixels.readRegion(key, req.level, req.z, req.c, req.t, region, signal);
  }

  async thumbnail(actor: Actor, imageId: number): Promise<Uint8Array> {
    return this.deps.pixels.thumbnail((await this.resolve(actor, imageId)).key);
  }

  async originals(actor: Actor, imageId: number): Promise<OriginalFileRecord[]> {
    requireAccess(actor, "read", await this.deps.repos.containers.findById("image", imageId), `Image ${imageId}`);
    return this.deps.repos.originals.listByImage(imageId);
  }

  async openOriginal(actor: Actor, imageId: number, fileId: number): Promise<{ file: OriginalFileRecord; body: AsyncIterable<Uint8Array> }> {
    const file = (await this.originals(actor, imageId)).find((f) => f.id === fileId);
    if (!file) throw new FoveaError("NOT_FOUND", `Image ${imageId} has no original file ${fileId}`);
    return { file, body: this.deps.files.open(file.storageKey) };
  }

  /** Where the image's OME-Zarr lives, for export. */
  async location(actor: Actor, imageId: number): Promise<{ image: ImageRecord; path: string; key: string }> {
    const { image, key } = await this.resolve(actor, imageId);
    return { image, key, path: this.deps.pixels.location(key) };
  }
}

/** Refuses plane indices and levels outside the image, naming the offending parameter. */
function checkPlane(image: ImageRecord, layout: StoredLayout, req: PlaneRequest): void {
  const issues: { field: string; message: string }[] = [];
  const check = (field: string, v: number, size: number) => {
    if (!Number.isInteger(v) || v < 0 || v >= size) issues.push({ field, message: `must be in 0..${size - 1} (got ${v})` });
  };
  check("z", req.z, image.sizeZ);
  check("c", req.c, image.sizeC);
  check("t", req.t, image.sizeT);
  check("level", req.level, layout.levels.length);
  if (issues.length > 0) throw new FoveaError("VALIDATION_FAILED", `Invalid plane: ${issues[0]!.field} ${issues[0]!.message}`, { details: issues });
}
