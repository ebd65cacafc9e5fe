/** Annotations (File, Tag, Comment, Map), file upload/download, and links to objects. */
import { Readable } from "node:stream";
import Type, { type Static } from "typebox";
import {
  ANNOTATABLE_TYPES, Annotation, AnnotationListQuery, CreateAnnotation, ErrorResponse, FileAnnotation, FoveaError, Id, IdParams,
  LinkAnnotationBody, Paged, parseRef, Strict, UpdateAnnotation, type AnnotatableType,
} from "@fovea/model";
import type { LinkTarget } from "@fovea/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { attachment } from "../http/content-disposition.ts";
import { paged, pageOf, typed, type RouteOptions } from "../http/route-kit.ts";

const PATHS: Record<string, AnnotatableType> = { projects: "Project", datasets: "Dataset", images: "Image", rois: "Roi" };

function parseLinkField(value: string): LinkTarget {
  const ref = parseRef(value);
  if (!ref || !(ANNOTATABLE_TYPES as readonly string[]).includes(ref.type)) {
    throw new FoveaError("VALIDATION_FAILED", `link ${value}: expected Project:ID, Dataset:ID, Image:ID or Roi:ID`, {
      details: [{ field: "link", message: `${value} is not Project:ID, Dataset:ID, Image:ID or Roi:ID` }],
    });
  }
  return { type: ref.type as AnnotatableType, id: ref.id };
}

/**
 * Reads a multipart upload: fields first (namespace, description, groupId, link…), then `file`,
 * whose stream goes straight to the file store without being buffered.
 */
async function readUpload(request: FastifyRequest) {
  const fields: { namespace?: string; description?: string; groupId?: number; links: LinkTarget[] } = { links: [] };
  for await (const part of request.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "file") throw new FoveaError("VALIDATION_FAILED", `unexpected file field ${part.fieldname}`, { details: [{ field: part.fieldname, message: "unknown file field (use `file`)" }] });
      return { part, fields };
    }
    const value = String(part.value);
    if (part.fieldname === "namespace") fields.namespace = value;
    else if (part.fieldname === "description") fields.description = value;
    else if (part.fieldname === "groupId") {
      const n = Number(value);
      if (!Number.isSafeInteger(n) || n < 1) throw new FoveaError("VALIDATION_FAILED", "groupId must be a positive integer", { details: [{ field: "groupId", message: "must be a positive integer" }] });
      fields.groupId = n;
    } else if (part.fieldname === "link") fields.links.push(parseLinkField(value));
    else throw new FoveaError("VALIDATION_FAILED", `unknown field ${part.fieldname}`, { details: [{ field: part.fieldname, message: "unknown field" }] });
  }
  throw new FoveaError("VALIDATION_FAILED", "no `file` part in the upload", { details: [{ field: "file", message: "is required" }] });
}

export async function annotationRoutes(app: FastifyInstance, { services }: RouteOptions): Promise<void> {
  const api = typed(app);
  const tags = ["annotations"];
  const annotations = services.annotations;

  api.get("/annotations", {
    schema: { tags, summary: "Annotations you can see", querystring: AnnotationListQuery, response: { 200: Paged(Annotation) } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await annotations.list(authOf(request).actor, { kind: request.query.kind, namespace: request.query.namespace }, page), page);
  });

  api.post("/annotations", {
    schema: { tags, summary: "Create a tag, comment or map annotation, optionally linked to objects", body: CreateAnnotation, response: { 201: Annotation, 400: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(await annotations.create(authOf(request).actor, request.body)));

  api.post("/annotations/files", {
    schema: {
      tags, summary: "Upload a file annotation (multipart: fields namespace, description, groupId, link=Type:ID…, then `file`)",
      consumes: ["multipart/form-data"], response: { 201: FileAnnotation, 413: ErrorResponse },
    },
  }, async (request, reply) => {
    const actor = authOf(request).actor;
    const { part, fields } = await readUpload(request);
    const dto = await annotations.upload(actor, {
      fileName: part.filename || "upload", mimeType: part.mimetype || "application/octet-stream", body: part.file,
      namespace: fields.namespace, description: fields.description, groupId: fields.groupId, links: fields.links,
    });
    return reply.status(201).send(dto as Static<typeof FileAnnotation>);
  });

  api.get("/annotations/:id", {
    schema: { tags, summary: "An annotation", params: IdParams, response: { 200: Annotation, 404: ErrorResponse } },
  }, async (request) => annotations.get(authOf(request).actor, request.params.id));

  api.get("/annotations/:id/file", {
    schema: { tags, summary: "Download a file annotation's bytes", params: IdParams },
  }, async (request, reply) => {
    const file = await annotations.download(authOf(request).actor, request.params.id);
    return reply.header("content-type", file.mimeType).header("content-length", String(file.size))
      .header("content-disposition", attachment(file.fileName)).send(Readable.from(file.body));
  });

  api.patch("/annotations/:id", {
    schema: { tags, summary: "Change an annotation", params: IdParams, body: UpdateAnnotation, response: { 200: Annotation } },
  }, async (request) => annotations.update(authOf(request).actor, request.params.id, request.body));

  api.delete("/annotations/:id", {
    schema: { tags, summary: "Delete an annotation and its links", params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await annotations.delete(authOf(request).actor, request.params.id);
    return reply.status(204).send(null);
  });

  for (const [path, type] of Object.entries(PATHS)) {
    const linkTags = [path];
    api.get(`/${path}/:id/annotations`, {
      schema: { tags: linkTags, summary: `Annotations linked to a ${type}`, params: IdParams, querystring: Strict({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }), response: { 200: Paged(Annotation) } },
    }, async (request) => {
      const page = pageOf(request.query);
      return paged(await annotations.listLinked(authOf(request).actor, { type, id: request.params.id }, page), page);
    });
    api.post(`/${path}/:id/annotations`, {
      schema: { tags: linkTags, summary: `Link an annotation to a ${type}`, params: IdParams, body: LinkAnnotationBody, response: { 201: Type.Object({ id: Id, parent: Type.Object({ type: Type.String(), id: Id }), child: Type.Object({ type: Type.String(), id: Id }) }) } },
    }, async (request, reply) => reply.status(201).send(await annotations.link(authOf(request).actor, { type, id: request.params.id }, request.body.annotationId)));
    api.delete(`/${path}/:id/annotations/:annotationId`, {
      schema: { tags: linkTags, summary: `Unlink an annotation from a ${type}`, params: Strict({ id: Id, annotationId: Id }), response: { 204: Type.Null() } },
    }, async (request, reply) => {
      await annotations.unlink(authOf(request).actor, { type, id: request.params.id }, request.params.annotationId);
      return reply.status(204).send(null);
    });
  }
}
