/** ROIs on images and their shapes. Shape bodies are checked in full by the model's validator. */
import Type from "typebox";
import { AddShapes, CreateRoi, ErrorResponse, IdParams, Paged, Roi, RoiListQuery, ShapeInputSchema, UpdateRoi } from "@fovea/model";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { paged, pageOf, typed, type RouteOptions } from "../http/route-kit.ts";

export async function roiRoutes(app: FastifyInstance, { services }: RouteOptions): Promise<void> {
  const api = typed(app);
  const tags = ["rois"];
  const rois = services.rois;

  api.get("/images/:id/rois", {
    schema: { tags, summary: "The ROIs of an image", params: IdParams, querystring: RoiListQuery, response: { 200: Paged(Roi), 404: ErrorResponse } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await rois.listByImage(authOf(request).actor, request.params.id, page), page);
  });

  api.post("/images/:id/rois", {
    schema: { tags, summary: "Add an ROI with its shapes to an image", params: IdParams, body: CreateRoi, response: { 201: Roi, 400: ErrorResponse, 403: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(await rois.create(authOf(request).actor, request.params.id, request.body)));

  api.get("/rois/:id", {
    schema: { tags, summary: "An ROI", params: IdParams, response: { 200: Roi, 404: ErrorResponse } },
  }, async (request) => rois.get(authOf(request).actor, request.params.id));

  api.patch("/rois/:id", {
    schema: { tags, summary: "Rename or describe an ROI", params: IdParams, body: UpdateRoi, response: { 200: Roi } },
  }, async (request) => rois.update(authOf(request).actor, request.params.id, request.body));

  api.delete("/rois/:id", {
    schema: { tags, summary: "Delete an ROI and its shapes", params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await rois.delete(authOf(request).actor, request.params.id);
    return reply.status(204).send(null);
  });

  api.post("/rois/:id/shapes", {
    schema: { tags, summary: "Add shapes to an ROI", params: IdParams, body: AddShapes, response: { 200: Roi } },
  }, async (request) => rois.addShapes(authOf(request).actor, request.params.id, request.body.shapes));

  api.put("/shapes/:id", {
    schema: { tags, summary: "Replace a shape", params: IdParams, body: ShapeInputSchema, response: { 200: Roi } },
  }, async (request) => rois.replaceShape(authOf(request).actor, request.params.id, request.body));

  api.delete("/shapes/:id", {
    schema: { tags, summary: "Delete a shape (an ROI left empty goes with it)", params: IdParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await rois.deleteShape(authOf(request).actor, request.params.id);
    return reply.status(204).send(null);
  });
}
