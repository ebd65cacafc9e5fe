/**
 * Builds the Fastify application: the /api/v1 routes as encapsulated plugins, TypeBox validation
 * that rejects unknown fields and wrong types, the error envelope, auth, and the OpenAPI document.
 * It holds no business rules: every route calls one service method.
 */
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import { FoveaError } from "@fovea/model";
import type { PixelStore, Services } from "@fovea/core";
import { registerAuthHook } from "./http/auth-hook.ts";
import { handleError } from "./http/error-handler.ts";
import { validatorCompiler } from "./http/validator.ts";
import { accountRoutes } from "./routes/accounts.routes.ts";
import { annotationRoutes } from "./routes/annotations.routes.ts";
import { authRoutes } from "./routes/auth.routes.ts";
import { containerRoutes } from "./routes/containers.routes.ts";
import { exportRoutes } from "./routes/export.routes.ts";
import { healthRoutes } from "./routes/health.routes.ts";
import { importRoutes } from "./routes/import.routes.ts";
import { jobRoutes } from "./routes/jobs.routes.ts";
import { measureRoutes } from "./routes/measure.routes.ts";
import { scriptRoutes } from "./routes/scripts.routes.ts";
import { pixelRoutes } from "./routes/pixels.routes.ts";
import { renderRoutes } from "./routes/render.routes.ts";
import { roiRoutes } from "./routes/rois.routes.ts";
import { webRoutes } from "./routes/web.routes.ts";

export const API_PREFIX = "/api/v1";
export const VERSION = "0.1.0";

export interface AppOptions {
  services: Services;
  /** Rendering and export read the store directly, after the services' access check. */
  store: PixelStore;
  dataDir: string;
  database: "sqlite" | "postgres";
  maxUploadBytes: number;
  secureCookies: boolean;
  logLevel: string;
  /** JSON bodies above this size are refused with 413 (uploads use multipart and maxUploadBytes). */
  bodyLimit?: number;
  /** The built web UI (apps/web/dist), served at `/`; absent: no web UI routes. */
  webDir?: string | undefined;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Logs go to stderr so that a CLI hosting the server keeps stdout for its own (--json) output.
    logger: { level: opts.logLevel, stream: process.stderr },
    bodyLimit: opts.bodyLimit ?? 8 * 1024 * 1024,
    // Ids in paths are validated by schemas; keep the router strict about trailing slashes off.
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; serialising with JSON.stringify keeps what services return.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(async (request, reply) => {
    await handleError(new FoveaError("NOT_FOUND", `No route ${request.method} ${request.url}`), request, reply);
  });

  await app.register(cookie);
  // preservePath keeps `folder/sub/file` names of folder uploads (busboy keeps only the base name otherwise).
  await app.register(multipart, { preservePath: true, limits: { fileSize: opts.maxUploadBytes + 1, files: 100_000, fields: 100 } });
  await app.register(swagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Fovea API", version: VERSION, description: "Image data, ROIs, annotations and (soon) server-side scripts." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" }, cookie: { type: "apiKey", in: "cookie", name: "fovea_session" } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });

  await app.register(async (api) => {
    registerAuthHook(api, opts.services);
    await api.register(healthRoutes, { version: VERSION, database: opts.database });
    await api.register(authRoutes, { services: opts.services, secureCookies: opts.secureCookies });
    await api.register(accountRoutes, { services: opts.services });
    await api.register(containerRoutes, { services: opts.services });
    await api.register(roiRoutes, { services: opts.services });
    await api.register(annotationRoutes, { services: opts.services });
    await api.register(importRoutes, { services: opts.services, dataDir: opts.dataDir, maxUploadBytes: opts.maxUploadBytes });
    await api.register(pixelRoutes, { services: opts.services });
    await api.register(measureRoutes, { services: opts.services, dataDir: opts.dataDir, maxUploadBytes: opts.maxUploadBytes });
    await api.register(renderRoutes, { services: opts.services, store: opts.store });
    await api.register(scriptRoutes, { services: opts.services });
    await api.register(jobRoutes, { services: opts.services });
    await api.register(exportRoutes, { services: opts.services, store: opts.store, dataDir: opts.dataDir });
    api.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  }, { prefix: API_PREFIX });
  if (opts.webDir !== undefined) await app.register(webRoutes, { webDir: opts.webDir });

  return app;
}
