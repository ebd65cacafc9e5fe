/**
 * Pixel operations for scripts (SCRIPTS.md §2–3):
 * - POST /images/:id/shape-stats: intensity statistics of shapes (ids or inline), per plane and channel;
 * - POST /images/:id/path-samples: bilinear samples along a path, W wide, per time point — JSON by
 *   default, or with `format: "binary"` raw little-endian float64 of shape (T, W, N) (headers
 *   X-Fovea-Dtype: float64, X-Fovea-Shape: T,W,N, X-Fovea-Path-Length: L);
 * - /image-uploads: new images from streamed planes (see image-uploads.routes.ts).
 */
import Type from "typebox";
import { ErrorResponse, IdParams, PathSamplesBody, PathSamplesResponse, ShapeStatsBody, ShapeStatsResponse } from "@fovea/model";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { Binary, typed, type RouteOptions } from "../http/route-kit.ts";
import { imageUploadRoutes } from "./image-uploads.routes.ts";

export interface MeasureRouteOptions extends RouteOptions {
  dataDir: string;
  maxUploadBytes: number;
}

export async function measureRoutes(app: FastifyInstance, opts: MeasureRouteOptions): Promise<void> {
  const api = typed(app);
  const tags = ["measure"];
  const { measure } = opts.services;

  api.post("/images/:id/shape-stats", {
    schema: {
      tags, params: IdParams, body: ShapeStatsBody,
      summary: "Count, min, max, sum, mean and population std of each shape's pixels (raw values), per plane and channel",
      response: { 200: ShapeStatsResponse, 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => ({ items: await measure.shapeStats(authOf(request).actor, request.params.id, request.body) }));

  api.post("/images/:id/path-samples", {
    schema: {
      tags, params: IdParams, body: PathSamplesBody,
      summary: "Bilinear samples of one channel along a path, W across, for each time point (JSON or raw float64)",
      response: { 200: Type.Union([PathSamplesResponse, Binary("format binary: float64, little-endian, shape (T, W, N)")]), 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const res = await measure.pathSamples(authOf(request).actor, request.params.id, request.body);
    if (request.body.format === "binary") {
      return reply.type("application/octet-stream")
        .header("x-fovea-dtype", "float64")
        .header("x-fovea-shape", `${res.t.length},${res.width},${res.length}`)
        .header("x-fovea-byte-order", "little")
        .header("x-fovea-path-length", String(res.pathLength))
        .send(Buffer.from(res.data.buffer, res.data.byteOffset, res.data.byteLength));
    }
    const rows = (i: number) => Array.from({ length: res.width }, (_, k) => {
      const start = (i * res.width + k) * res.length;
      return Array.from(res.data.subarray(start, start + res.length));
    });
    return { width: res.width, length: res.length, pathLength: res.pathLength, t: [...res.t], samples: res.t.map((_, i) => rows(i)) };
  });

  await app.register(imageUploadRoutes, opts);
}
