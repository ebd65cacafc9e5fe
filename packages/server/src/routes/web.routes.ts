/**
 * The web UI (SPEC §6): the built bundle of apps/web served at `/`. The app routes by URL hash,
 * so only `/` (index.html) and the hashed assets are needed. index.html is never cached (it names
 * the current assets); the assets are content-hashed and cached for good. When the bundle has not
 * been built, `/` says how to build it rather than answering with a bare 404.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** A strict policy: the bundle's own scripts and styles, images from the API (blob: for canvases). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "img-src 'self' data: blob:", "style-src 'self' 'unsafe-inline'", "script-src 'self'",
  "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
].join("; ");

export async function webRoutes(app: FastifyInstance, { webDir }: { webDir: string }): Promise<void> {
  const built = existsSync(join(webDir, "index.html"));
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/api/")) {
      void reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
      void reply.header("x-content-type-options", "nosniff");
    }
  });
  if (!built) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.type("text/html; charset=utf-8").send(
      "<!doctype html><title>Fovea</title><h1>Fovea</h1><p>The web UI has not been built: run <code>npm run build</code> " +
      "(or <code>npm start</code>). The API is at <a href=\"/api/v1/openapi.json\">/api/v1</a>.</p>",
    ));
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    index: ["index.html"],
    // Only the files the build wrote; an unknown path falls through to the API's 404 envelope.
    wildcard: false,
    setHeaders(reply, path) {
      void reply.header("cache-control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
}
