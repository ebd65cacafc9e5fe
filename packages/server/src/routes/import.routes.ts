/**
 * POST /import: upload one file (or the files of one folder, such as an OME-Zarr) and import
 * its images. Form fields (datasetId, groupId, name) come before the file parts.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import Type from "typebox";
import { ErrorResponse, FoveaError, Image } from "@fovea/model";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { MultipartFile } from "@fastify/multipart";
import { authOf } from "../http/auth-hook.ts";
import { typed, type RouteOptions } from "../http/route-kit.ts";
import { spoolUpload } from "../http/upload-spool.ts";

export interface ImportRouteOptions extends RouteOptions {
  dataDir: string;
  maxUploadBytes: number;
}

function positiveInt(field: string, value: string): number {
  // Canonical digits only: `0x1`, ` 1` or `1e0` are not the id 1 (as in paths and queries).
  const n = /^[1-9]\d{0,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new FoveaError("VALIDATION_FAILED", `${field} must be a positive integer`, { details: [{ field, message: "must be a positive integer" }] });
  return n;
}

function checkFileField(part: MultipartFile): MultipartFile {
  if (part.fieldname !== "file") {
    throw new FoveaError("VALIDATION_FAILED", `unknown field ${part.fieldname} (files go in \`file\`)`, { details: [{ field: part.fieldname, message: "unknown field (use file)" }] });
  }
  return part;
}

/** Reads the leading fields, then hands on the file parts one by one. */
async function readForm(request: FastifyRequest) {
  const fields: { datasetId?: number; groupId?: number; name?: string } = {};
  const iterator = request.parts()[Symbol.asyncIterator]();
  async function* files(): AsyncGenerator<MultipartFile> {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const part = next.value;
      if (part.type !== "file") throw new FoveaError("VALIDATION_FAILED", `field ${part.fieldname} must come before the files`, { details: [{ field: part.fieldname, message: "must come before the files" }] });
      yield checkFileField(part);
    }
  }
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new FoveaError("VALIDATION_FAILED", "No file in the upload", { details: [{ field: "file", message: "is required" }] });
    const part = next.value;
    if (part.type === "file") {
      const first = checkFileField(part);
      return { fields, files: (async function* () { yield first; yield* files(); })() };
    }
    const value = String(part.value);
    if (part.fieldname === "datasetId") fields.datasetId = positiveInt("datasetId", value);
    else if (part.fieldname === "groupId") fields.groupId = positiveInt("groupId", value);
    else if (part.fieldname === "name") fields.name = value.slice(0, 255);
    else throw new FoveaError("VALIDATION_FAILED", `unknown field ${part.fieldname}`, { details: [{ field: part.fieldname, message: "unknown field" }] });
  }
}

export async function importRoutes(app: FastifyInstance, opts: ImportRouteOptions): Promise<void> {
  typed(app).post("/import", {
    schema: {
      tags: ["import"],
      summary: "Import images: multipart fields datasetId?, groupId?, name?, then one `file` part (or one per file of a folder)",
      consumes: ["multipart/form-data"],
      response: { 201: Type.Object({ images: Type.Array(Image) }), 413: ErrorResponse, 422: ErrorResponse },
    },
  }, async (request, reply) => {
    const actor = authOf(request).actor;
    const { fields, files } = await readForm(request);
    // Refuse a dataset the user may not add to before receiving the whole upload.
    await opts.services.imports.resolveTargetGroup(actor, { datasetId: fields.datasetId, groupId: fields.groupId });
    const upload = await spoolUpload(join(opts.dataDir, "tmp"), files, opts.maxUploadBytes);
    try {
      const images = await opts.services.imports.importFile(actor, {
        path: upload.root,
        originals: upload.files.map((f) => ({ name: f.name, mimeType: f.mimeType, open: () => createReadStream(f.path) })),
      }, { datasetId: fields.datasetId, groupId: fields.groupId, name: fields.name });
      return reply.status(201).send({ images });
    } finally {
      await upload.cleanup();
    }
  });
}
