/** Small helpers shared by the route plugins. */
import Type from "typebox";
import { LIMITS } from "@fovea/model";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Services } from "@fovea/core";

export type TypedApp = ReturnType<typeof typed>;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

export interface RouteOptions {
  services: Services;
}

export function pageOf(q: { limit?: number | undefined; offset?: number | undefined }) {
  return { limit: q.limit ?? LIMITS.PAGE_DEFAULT, offset: q.offset ?? 0 };
}

export function paged<T>(res: { items: T[]; total: number }, page: { limit: number; offset: number }) {
  return { items: res.items, total: res.total, limit: page.limit, offset: page.offset };
}

/** Standard error responses, for the OpenAPI document. */
export { ErrorResponse } from "@fovea/model";

/** A binary response (raw pixels, PNG, JPEG, TIFF, files), for the OpenAPI document. */
export function Binary(description: string) {
  return Type.Unsafe<unknown>({ type: "string", format: "binary", description });
}
