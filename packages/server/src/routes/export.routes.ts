/**
 * GET /images/:id/export/ome-tiff: the image (imported or generated) as one OME-TIFF file, with
 * its current name, channels and calibration. Written to a temporary file first (TIFF offsets
 * must be known before the bytes are sent), streamed, then removed.
 */
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ImageMetadata, ImageRecord, PixelStore } from "@fovea/core";
import { ErrorResponse, IdParams } from "@fovea/model";
import { writeOmeTiff } from "@fovea/pixels";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { attachment } from "../http/content-disposition.ts";
import { Binary, typed, type RouteOptions } from "../http/route-kit.ts";

/** The stored record as the metadata an exporter writes. */
export function metadataOf(image: ImageRecord): ImageMetadata {
  return {
    name: image.name, sizeX: image.sizeX, sizeY: image.sizeY, sizeZ: image.sizeZ, sizeC: image.sizeC, sizeT: image.sizeT,
    pixelType: image.pixelType, format: image.format ?? "Fovea",
    physicalSizeX: image.physicalSizeX ?? undefined, physicalSizeY: image.physicalSizeY ?? undefined,
    physicalSizeZ: image.physicalSizeZ ?? undefined, timeIncrement: image.timeIncrement ?? undefined,
    acquisitionDate: image.acquisitionDate ?? undefined,
    channels: image.channels.map((ch) => ({
      name: ch.name, color: ch.color, emissionWavelength: ch.emissionWavelength ?? undefined,
      window: ch.windowStart !== null && ch.windowEnd !== null ? { start: ch.windowStart, end: ch.windowEnd } : undefined,
    })),
  };
}

export async function exportRoutes(app: FastifyInstance, opts: RouteOptions & { store: PixelStore; dataDir: string }): Promise<void> {
  typed(app).get("/images/:id/export/ome-tiff", {
    schema: { tags: ["pixels"], summary: "Download the image as OME-TIFF", params: IdParams, response: { 200: Binary("OME-TIFF"), 404: ErrorResponse } },
  }, async (request, reply) => {
    const { image, key } = await opts.services.pixels.resolve(authOf(request).actor, request.params.id);
    const tmpRoot = join(opts.dataDir, "tmp");
    await mkdir(tmpRoot, { recursive: true });
    const dir = await mkdtemp(join(tmpRoot, "export-"));
    const target = join(dir, "image.ome.tif");
    try {
      await writeOmeTiff(opts.store, key, metadataOf(image), target);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const size = (await stat(target)).size;
    const stream = createReadStream(target);
    // Remove the temporary file once it has been sent (or the client went away).
    stream.on("close", () => void rm(dir, { recursive: true, force: true }));
    const fileName = `${image.name.replace(/\.(ome\.)?(tiff?|dv|r3d|png|jpe?g|zarr)$/i, "")}.ome.tif`;
    return reply.type("image/tiff").header("content-length", String(size)).header("content-disposition", attachment(fileName)).send(stream);
  });
}
