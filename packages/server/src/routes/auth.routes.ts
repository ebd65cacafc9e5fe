/** Login, logout and the current session (SPEC §1). */
import { LoginBody, SessionInfo, SwitchGroup, ErrorResponse } from "@fovea/model";
import type { FastifyInstance } from "fastify";
import { authOf, SESSION_COOKIE } from "../http/auth-hook.ts";
import { typed, type RouteOptions } from "../http/route-kit.ts";

export async function authRoutes(app: FastifyInstance, opts: RouteOptions & { secureCookies: boolean }): Promise<void> {
  const { services } = opts;
  const api = typed(app);

  api.post("/auth/login", {
    config: { public: true },
    schema: {
      tags: ["auth"], summary: "Log in; returns a bearer token, or sets a session cookie for browsers",
      body: LoginBody, response: { 200: SessionInfo, 401: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request, reply) => {
    const kind = request.body.session ?? "token";
    const info = await services.auth.login({
      username: request.body.username, password: request.body.password, group: request.body.group, kind, clientKey: request.ip,
    });
    if (kind === "token") return info;
    void reply.setCookie(SESSION_COOKIE, info.token, {
      path: "/", httpOnly: true, sameSite: "strict", secure: opts.secureCookies, expires: new Date(info.expiresAt),
    });
    const { token: _hidden, ...withoutToken } = info; // the cookie carries it; scripts must not see it
    return withoutToken;
  });

  api.post("/auth/logout", {
    schema: { tags: ["auth"], summary: "End the current session", response: { 204: { type: "null" } } },
  }, async (request, reply) => {
    await services.auth.logout(authOf(request));
    void reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure: opts.secureCookies });
    return reply.status(204).send(null);
  });

  api.get("/session", {
    schema: { tags: ["auth"], summary: "The current user and session", response: { 200: SessionInfo, 401: ErrorResponse } },
  }, async (request) => services.auth.sessionInfo(authOf(request)));

  api.put("/session", {
    schema: { tags: ["auth"], summary: "Switch the active group (where new objects go)", body: SwitchGroup, response: { 200: SessionInfo } },
  }, async (request) => services.auth.switchGroup(authOf(request), request.body.groupId));
}
