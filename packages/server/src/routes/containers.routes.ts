/**
 * Projects, datasets and images: CRUD, children with paging, and links. One registration
 * function serves the three kinds, since they differ only in their DTO and what they contain.
 */
import Type, { type TSchema } from "typebox";
import {
  ChildrenQuery, CreateContainer, Dataset, ErrorResponse, Id, IdParams, Image, LinkDatasetBody, LinkImageBody, ListQuery,
  Paged, Project, Strict, UpdateContainer,
} from "@fovea/model";
import type { ContainerKind } from "@fovea/core";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { paged, pageOf, typed, type RouteOptions } from "../http/route-kit.ts";

const LinkResponse = Type.Object({
  id: Id,
  parent: Type.Object({ type: Type.String(), id: Id }),
  child: Type.Object({ type: Type.String(), id: Id }),
});

interface KindSpec {
  kind: ContainerKind;
  path: string;
  dto: TSchema;
  label: string;
}

const KINDS: KindSpec[] = [
  { kind: "project", path: "projects", dto: Project, label: "Project" },
  { kind: "dataset", path: "datasets", dto: Dataset, label: "Dataset" },
  { kind: "image", path: "images", dto: Image, label: "Image" },
];

export async function containerRoutes(app: FastifyInstance, opts: RouteOptions): Promise<void> {
  for (const spec of KINDS) registerKind(app, opts, spec);
  registerLinks(app, opts, "project", "projects", "datasets", LinkDatasetBody, (b) => (b as { datasetId: number }).datasetId);
  registerLinks(app, opts, "dataset", "datasets", "images", LinkImageBody, (b) => (b as { imageId: number }).imageId);
  registerParents(app, opts, "dataset", "datasets", "projects", Project);
  registerParents(app, opts, "image", "images", "datasets", Dataset);
}

/** The containers an object sits in (many-to-many links, so a list), visible ones only. */
function registerParents(app: FastifyInstance, { services }: RouteOptions, kind: "dataset" | "image", path: string, parentPath: string, dto: TSchema): void {
  typed(app).get(`/${path}/:id/${parentPath}`, {
    schema: { tags: [path], summary: `The ${parentPath} it is linked into`, params: IdParams, response: { 200: Type.Object({ items: Type.Array(dto) }), 404: ErrorResponse } },
  }, async (request) => ({ items: await services.containers.parents(authOf(request).actor, kind, request.params.id) }));
}

function registerKind(app: FastifyInstance, { services }: RouteOptions, spec: KindSpec): void {
  const api = typed(app);
  const tags = [spec.path];
  const { kind } = spec;

  api.get(`/${spec.path}`, {
    schema: { tags, summary: `List ${spec.path} you can see`, querystring: ListQuery, response: { 200: Paged(spec.dto) } },
  }, async (request) => {
    const page = pageOf(request.query);
    const { groupId, ownerId, orphaned } = request.query;
    return paged(await services.containers.list(authOf(request).actor, kind, { groupId, ownerId, orphaned }, page), page);
  });

  if (kind !== "image") {
    api.post(`/${spec.path}`, {
      schema: { tags, summary: `Create a ${spec.label}`, body: CreateContainer, response: { 201: spec.dto, 400: ErrorResponse } },
    }, async (request, reply) => reply.status(201).send(await services.containers.create(authOf(request).actor, kind, request.body)));
  }

  api.get(`/${spec.path}/:id`, {
    schema: { tags, summary: `A ${spec.label}`, params: IdParams, response: { 200: spec.dto, 404: ErrorResponse } },
  }, async (request) => services.containers.get(authOf(request).actor, kind, request.params.id));

  api.patch(`/${spec.path}/:id`, {
    schema: { tags, summary: `Rename or describe a ${spec.label}`, params: IdParams, body: UpdateContainer, response: { 200: spec.dto, 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request) => services.containers.update(authOf(request).actor, kind, request.params.id, request.body));

  api.delete(`/${spec.path}/:id`, {
    schema: { tags, summary: `Delete a ${spec.label} (its children stay, orphaned)`, params: IdParams, response: { 204: Type.Null(), 403: ErrorResponse, 404: ErrorResponse } },
  }, async (request, reply) => {
    await services.containers.delete(authOf(request).actor, kind, request.params.id);
    return reply.status(204).send(null);
  });
}

function registerLinks(
  app: FastifyInstance, { services }: RouteOptions, kind: "project" | "dataset", path: string, childPath: string,
  body: TSchema, childIdOf: (b: unknown) => number,
): void {
  const api = typed(app);
  const tags = [path];
  const childParam = kind === "project" ? "datasetId" : "imageId";

  api.get(`/${path}/:id/${childPath}`, {
    schema: { tags, summary: `The ${childPath} in it`, params: IdParams, querystring: ChildrenQuery, response: { 200: Paged(Type.Union([Project, Dataset, Image])) } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await services.containers.children(authOf(request).actor, kind, request.params.id, page), page);
  });

  api.post(`/${path}/:id/${childPath}`, {
    schema: { tags, summary: `Link one of the ${childPath} into it`, params: IdParams, body, response: { 201: LinkResponse, 403: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(
    await services.containers.link(authOf(request).actor, kind, request.params.id, childIdOf(request.body)),
  ));

  api.delete(`/${path}/:id/${childPath}/:${childParam}`, {
    schema: { tags, summary: "Remove the link (the child stays)", params: Strict({ id: Id, [childParam]: Id }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const params = request.params as Record<string, number>;
    await services.containers.unlink(authOf(request).actor, kind, params.id!, params[childParam]!);
    return reply.status(204).send(null);
  });
}
