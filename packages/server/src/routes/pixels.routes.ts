/**
 * Pixel access (SPEC §6): the stored layout, raw planes and regions as little-endian typed arrays
 * (dtype and shape in headers), thumbnails, the original files, and the OME-Zarr itself served
 * read-only (so community tools and `fovea export --format ome-zarr` can read it over HTTP).
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, normalize, relative, sep } from "node:path";
import { Readable } from "node:stream";
import Type from "typebox";
import { ErrorResponse, FoveaError, Id, IdParams, Strict } from "@fovea/model";
import { pixelTypeOf } from "@fovea/pixels";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { attachment } from "../http/content-disposition.ts";
import { Binary, typed, type RouteOptions } from "../http/route-kit.ts";

const Layout = Type.Object({
  pixelType: Type.String(), sizeZ: Type.Integer(), sizeC: Type.Integer(), sizeT: Type.Integer(), tileSize: Type.Integer(),
  levels: Type.Array(Type.Object({ sizeX: Type.Integer(), sizeY: Type.Integer() })),
});

const PlaneQuery = Strict({
  z: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  c: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  t: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  level: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: "Pyramid level; 0 is full resolution" })),
  x: Type.Optional(Type.Integer({ minimum: 0 })),
  y: Type.Optional(Type.Integer({ minimum: 0 })),
  width: Type.Optional(Type.Integer({ minimum: 1 })),
  height: Type.Optional(Type.Integer({ minimum: 1 })),
});

const OriginalFile = Type.Object({ id: Id, name: Type.String(), mimeType: Type.String(), size: Type.Integer(), sha256: Type.String() });

/** Every file below `dir`, as `/`-separated relative paths. */
async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p, base)));
    else out.push(relative(base, p).split(sep).join("/"));
  }
  return out.sort();
}

export async function pixelRoutes(app: FastifyInstance, { services }: RouteOptions): Promise<void> {
  const api = typed(app);
  const tags = ["pixels"];
  const pixels = services.pixels;

  api.get("/images/:id/layout", {
    schema: { tags, summary: "Pyramid levels, tile size and plane counts of the stored pixels", params: IdParams, response: { 200: Layout, 404: ErrorResponse } },
  }, async (request) => {
    const layout = await pixels.layout(authOf(request).actor, request.params.id);
    return { ...layout, levels: [...layout.levels] };
  });

  api.get("/images/:id/pixels", {
    schema: {
      tags, params: IdParams, querystring: PlaneQuery,
      summary: "Raw values of a plane, tile or region: little-endian, row-major; headers X-Fovea-Dtype and X-Fovea-Shape (height,width)",
      response: { 200: Binary("Raw little-endian pixel values"), 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const q = request.query;
    const region = q.x !== undefined || q.y !== undefined || q.width !== undefined || q.height !== undefined
      ? regionOf(q) : undefined;
    const plane = await pixels.read(authOf(request).actor, request.params.id, { level: q.level ?? 0, z: q.z ?? 0, c: q.c ?? 0, t: q.t ?? 0, region });
    // Typed arrays are in the machine's byte order, which is little-endian on every platform Node supports.
    const bytes = Buffer.from(plane.data.buffer, plane.data.byteOffset, plane.data.byteLength);
    return reply.type("application/octet-stream")
      .header("x-fovea-dtype", pixelTypeOf(plane.data))
      .header("x-fovea-shape", `${plane.height},${plane.width}`)
      .header("x-fovea-byte-order", "little")
      .send(bytes);
  });

  api.get("/images/:id/thumbnail", {
    schema: { tags, summary: "PNG thumbnail (longest side 96 px)", params: IdParams, response: { 200: Binary("PNG"), 404: ErrorResponse } },
  }, async (request, reply) => {
    const png = await pixels.thumbnail(authOf(request).actor, request.params.id);
    return reply.type("image/png").header("cache-control", "private, max-age=3600").send(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  });

  api.get("/images/:id/originals", {
    schema: { tags, summary: "The files the image was imported from", params: IdParams, response: { 200: Type.Object({ items: Type.Array(OriginalFile) }) } },
  }, async (request) => {
    const files = await pixels.originals(authOf(request).actor, request.params.id);
    return { items: files.map((f) => ({ id: f.id, name: f.name, mimeType: f.mimeType, size: f.size, sha256: f.sha256 })) };
  });

  api.get("/images/:id/originals/:fileId", {
    schema: { tags, summary: "Download one original file", params: Strict({ id: Id, fileId: Id }), response: { 200: Binary("The file") } },
  }, async (request, reply) => {
    const { file, body } = await pixels.openOriginal(authOf(request).actor, request.params.id, request.params.fileId);
    return reply.type(file.mimeType).header("content-length", String(file.size))
      .header("content-disposition", attachment(file.name.split("/").pop() ?? file.name)).send(Readable.from(body));
  });

  api.get("/images/:id/zarr", {
    schema: { tags, summary: "The files of the image's OME-Zarr (relative paths), for export", params: IdParams, response: { 200: Type.Object({ name: Type.String(), files: Type.Array(Type.String()) }) } },
  }, async (request) => {
    const { image, path } = await pixels.location(authOf(request).actor, request.params.id);
    return { name: `${image.name.replace(/[\\/]/g, "_")}.ome.zarr`, files: await listFiles(path) };
  });

  api.get("/images/:id/zarr/*", {
    schema: { tags, summary: "One file of the image's OME-Zarr", params: Type.Object({ id: Id }), response: { 200: Binary("The file") } },
    // The `*` part is read raw below: TypeBox's Convert cannot handle a key named "*".
  }, async (request, reply) => {
    const { path } = await pixels.location(authOf(request).actor, request.params.id);
    const rel = normalize((request.params as unknown as Record<string, string>)["*"] ?? "");
    if (rel.startsWith("..") || rel.startsWith(sep)) throw new FoveaError("NOT_FOUND", "No such file in the image's OME-Zarr");
    const file = join(path, rel);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new FoveaError("NOT_FOUND", "No such file in the image's OME-Zarr");
    return reply.type(rel.endsWith(".json") || rel.endsWith(".zattrs") || rel.endsWith(".zarray") || rel.endsWith(".zgroup") ? "application/json" : "application/octet-stream")
      .header("content-length", String(info.size)).send(createReadStream(file));
  });
}

function regionOf(q: { x?: number | undefined; y?: number | undefined; width?: number | undefined; height?: number | undefined }) {
  const missing = (["x", "y", "width", "height"] as const).filter((k) => q[k] === undefined);
  if (missing.length > 0) {
    throw new FoveaError("VALIDATION_FAILED", `A region needs x, y, width and height (missing ${missing.join(", ")})`, {
      details: missing.map((k) => ({ field: `querystring.${k}`, message: "is required with a region" })),
    });
  }
  return { x: q.x!, y: q.y!, width: q.width!, height: q.height! };
}
