/**
 * Authenticates every /api/v1 request except the public ones: a bearer token (CLI, API, jobs)
 * or the session cookie (browsers). Cookie sessions must also present their CSRF token on every
 * state-changing request (double submit against the value stored with the session).
 */
import { timingSafeEqual } from "node:crypto";
import { FoveaError } from "@fovea/model";
import type { Authenticated, Services } from "@fovea/core";
import type { FastifyInstance, FastifyRequest } from "fastify";

export const SESSION_COOKIE = "fovea_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** Routes that need no session (health, login, the OpenAPI document). */
    public?: boolean;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new FoveaError("UNAUTHENTICATED", "The Authorization header must be `Bearer <token>`");
  return m[1];
}

export function registerAuthHook(app: FastifyInstance, services: Services): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config.public) return;
    const bearer = bearerOf(request);
    if (bearer) {
      request.auth = await services.auth.authenticate(bearer);
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) throw new FoveaError("UNAUTHENTICATED");
    const auth = await services.auth.authenticate(cookie);
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers["x-csrf-token"];
      if (typeof presented !== "string" || !auth.session.csrfToken || !sameSecret(presented, auth.session.csrfToken)) {
        throw new FoveaError("CSRF_FAILED");
      }
    }
    request.auth = auth;
  });
}

/** The authenticated session of a request on a non-public route. */
export function authOf(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new FoveaError("UNAUTHENTICATED");
  return request.auth;
}
