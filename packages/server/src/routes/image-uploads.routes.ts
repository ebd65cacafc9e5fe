/**
 * New images from streamed planes (a script's output, e.g. a kymograph):
 *   POST   /image-uploads                         { name, sizeX…, pixelType, channels, … } → 201 { uploadId, planes, planeBytes }
 *   PUT    /image-uploads/:uploadId/planes/:z/:c/:t  raw little-endian plane (application/octet-stream,
 *                                                  exactly planeBytes, row-major) → 204
 *   POST   /image-uploads/:uploadId/commit        → 201 the Image (every plane must have been written)
 *   DELETE /image-uploads/:uploadId               → 204 (abort)
 * Only the user who created an upload sees it. Planes wait in the data directory's tmp/ folder.
 */
import { join } from "node:path";
import Type from "typebox";
import { CreateImageUpload, ErrorResponse, FoveaError, Image, ImageUpload, UploadIdParams, UploadPlaneParams } from "@fovea/model";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { PlaneSpool } from "../http/plane-spool.ts";
import { typed } from "../http/route-kit.ts";
import type { MeasureRouteOptions } from "./measure.routes.ts";

export async function imageUploadRoutes(app: FastifyInstance, opts: MeasureRouteOptions): Promise<void> {
  const api = typed(app);
  const tags = ["image-uploads"];
  const uploads = opts.services.imageUploads;
  const spool = new PlaneSpool(join(opts.dataDir, "tmp"));
  // Nothing can be in progress before the server listens: what is left is from a crash.
  await spool.removeAll();
  const committing = new Set<string>();

  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: opts.maxUploadBytes }, (_req, body, done) => done(null, body));

  api.post("/image-uploads", {
    schema: { tags, summary: "Start a new image: its size, type, channels and calibration", body: CreateImageUpload, response: { 201: ImageUpload, 400: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse } },
  }, async (request, reply) => {
    const { actor } = authOf(request);
    const plan = await uploads.plan(actor, request.body);
    const uploadId = await spool.create({ ownerId: actor.userId, shell: request.body, planeBytes: plan.planeBytes });
    return reply.status(201).send({ uploadId, planes: plan.planes, planeBytes: plan.planeBytes });
  });

  api.put("/image-uploads/:uploadId/planes/:z/:c/:t", {
    schema: { tags, summary: "Write one plane: raw little-endian values, row-major, exactly planeBytes", params: UploadPlaneParams, consumes: ["application/octet-stream"], response: { 204: Type.Null(), 400: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => {
    const { uploadId, z, c, t } = request.params;
    const record = await spool.load(uploadId, authOf(request).actor.userId);
    const { shell } = record;
    const issues = ([["z", z, shell.sizeZ], ["c", c, shell.sizeC], ["t", t, shell.sizeT]] as const)
      .filter(([, v, size]) => v >= size).map(([f, v, size]) => ({ field: `params.${f}`, message: `is ${v} but the image has ${size} (0-based)` }));
    const body = request.body;
    if (!(body instanceof Uint8Array)) issues.push({ field: "body", message: "must be application/octet-stream" });
    else if (body.byteLength !== record.planeBytes) issues.push({ field: "body", message: `has ${body.byteLength} bytes; a plane has exactly ${record.planeBytes}` });
    if (issues.length > 0) throw new FoveaError("VALIDATION_FAILED", `Invalid plane: ${issues[0]!.field} ${issues[0]!.message}`, { details: issues });
    if (committing.has(uploadId)) throw new FoveaError("CONFLICT", `Image upload ${uploadId} is being committed`);
    await spool.writePlane(uploadId, z, c, t, body as Uint8Array);
    return reply.status(204).send(null);
  });

  api.post("/image-uploads/:uploadId/commit", {
    schema: { tags, summary: "Create the image from the written planes; the upload is removed", params: UploadIdParams, response: { 201: Image, 404: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => {
    const { uploadId } = request.params;
    const { actor } = authOf(request);
    const { shell } = await spool.load(uploadId, actor.userId);
    if (committing.has(uploadId)) throw new FoveaError("CONFLICT", `Image upload ${uploadId} is already being committed`);
    const missing = await spool.missing(uploadId, shell);
    if (missing.length > 0) {
      const listed = missing.slice(0, 20).map(([z, c, t]) => ({ field: `planes/${z}/${c}/${t}`, message: "not written" }));
      throw new FoveaError("CONFLICT", `${missing.length} of ${shell.sizeZ * shell.sizeC * shell.sizeT} planes not written yet (first: z=${missing[0]![0]}, c=${missing[0]![1]}, t=${missing[0]![2]})`, { details: listed });
    }
    committing.add(uploadId);
    try {
      const image = await uploads.commit(actor, shell, (z, c, t) => spool.readPlane(uploadId, shell, z, c, t));
      await spool.remove(uploadId);
      return await reply.status(201).send(image);
    } finally {
      committing.delete(uploadId);
    }
  });

  api.delete("/image-uploads/:uploadId", {
    schema: { tags, summary: "Abandon an upload and remove its planes", params: UploadIdParams, response: { 204: Type.Null(), 404: ErrorResponse } },
  }, async (request, reply) => {
    await spool.load(request.params.uploadId, authOf(request).actor.userId);
    await spool.remove(request.params.uploadId);
    return reply.status(204).send(null);
  });
}
