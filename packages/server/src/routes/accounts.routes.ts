/** Users, groups and memberships (administration). */
import Type from "typebox";
import {
  AccountListQuery, AddMember, CreateGroup, CreateUser, ErrorResponse, Group, IdParams, Paged, UpdateGroup, UpdateUser, User,
  Id, Strict,
} from "@fovea/model";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { paged, pageOf, typed, type RouteOptions } from "../http/route-kit.ts";

export async function accountRoutes(app: FastifyInstance, { services }: RouteOptions): Promise<void> {
  const api = typed(app);
  const users = services.accounts;

  api.get("/users", {
    schema: { tags: ["accounts"], summary: "List users (administrators)", querystring: AccountListQuery, response: { 200: Paged(User), 403: ErrorResponse } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await users.listUsers(authOf(request).actor, page), page);
  });

  api.post("/users", {
    schema: { tags: ["accounts"], summary: "Create a user (administrators)", body: CreateUser, response: { 201: User, 403: ErrorResponse, 409: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(await users.createUser(authOf(request).actor, request.body)));

  api.get("/users/:id", {
    schema: { tags: ["accounts"], summary: "A user (yourself, or any as administrator)", params: IdParams, response: { 200: User, 404: ErrorResponse } },
  }, async (request) => users.getUser(authOf(request).actor, request.params.id));

  api.patch("/users/:id", {
    schema: { tags: ["accounts"], summary: "Change a user", params: IdParams, body: UpdateUser, response: { 200: User } },
  }, async (request) => users.updateUser(authOf(request).actor, request.params.id, request.body));

  api.get("/groups", {
    schema: { tags: ["accounts"], summary: "Groups (all for administrators, else your own)", querystring: AccountListQuery, response: { 200: Paged(Group) } },
  }, async (request) => {
    const page = pageOf(request.query);
    return paged(await users.listGroups(authOf(request).actor, page), page);
  });

  api.post("/groups", {
    schema: { tags: ["accounts"], summary: "Create a group (administrators)", body: CreateGroup, response: { 201: Group, 409: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(await users.createGroup(authOf(request).actor, request.body)));

  api.get("/groups/:id", {
    schema: { tags: ["accounts"], summary: "A group with its members", params: IdParams, response: { 200: Group, 404: ErrorResponse } },
  }, async (request) => users.getGroup(authOf(request).actor, request.params.id));

  api.patch("/groups/:id", {
    schema: { tags: ["accounts"], summary: "Change a group (administrators)", params: IdParams, body: UpdateGroup, response: { 200: Group } },
  }, async (request) => users.updateGroup(authOf(request).actor, request.params.id, request.body));

  api.post("/groups/:id/members", {
    schema: { tags: ["accounts"], summary: "Add a member (administrators and group owners)", params: IdParams, body: AddMember, response: { 200: Group } },
  }, async (request) => users.addMember(authOf(request).actor, request.params.id, request.body.user, request.body.owner ?? false));

  api.delete("/groups/:id/members/:userId", {
    schema: { tags: ["accounts"], summary: "Remove a member", params: Strict({ id: Id, userId: Id }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await users.removeMember(authOf(request).actor, request.params.id, request.params.userId);
    return reply.status(204).send(null);
  });
}
