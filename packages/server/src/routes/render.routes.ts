/**
 * Rendered images (SPEC §6): a plane, tile or region as PNG/JPEG with per-channel on/off, colour
 * and window, optionally the maximum projection over Z. Channels follow OMERO's `c` parameter:
 * `c=1|100:2000$FF0000,-2,3|0:4095$00FF00` (1-based; a minus sign turns a channel off; a channel
 * not listed is off; window and colour default to the image's stored channel settings).
 */
import Type from "typebox";
import { ErrorResponse, FoveaError, IdParams, Strict, type FieldIssue } from "@fovea/model";
import type { ChannelRecord } from "@fovea/core";
import { renderRegion, type ChannelRender } from "@fovea/pixels";
import type { FastifyInstance } from "fastify";
import { authOf } from "../http/auth-hook.ts";
import { Binary, typed, type RouteOptions } from "../http/route-kit.ts";

const RenderQuery = Strict({
  z: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  t: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  level: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  x: Type.Optional(Type.Integer({ minimum: 0 })),
  y: Type.Optional(Type.Integer({ minimum: 0 })),
  width: Type.Optional(Type.Integer({ minimum: 1 })),
  height: Type.Optional(Type.Integer({ minimum: 1 })),
  c: Type.Optional(Type.String({ maxLength: 2000, description: "OMERO-style channels: 1|start:end$RRGGBB,-2,…" })),
  format: Type.Optional(Type.Enum(["png", "jpeg"] as const)),
  quality: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  projection: Type.Optional(Type.Enum(["max"] as const)),
});

/** Stored channel settings as render settings (all active). */
export function storedRendering(channels: readonly ChannelRecord[]): ChannelRender[] {
  return channels.map((ch) => ({
    active: true, color: ch.color,
    start: ch.windowStart ?? ch.min ?? 0, end: ch.windowEnd ?? ch.max ?? 255,
  }));
}

/** Parses the `c` parameter against the stored channels. */
export function parseChannels(param: string | undefined, channels: readonly ChannelRecord[]): ChannelRender[] {
  const base = storedRendering(channels);
  if (param === undefined || param === "") return base;
  const out = base.map((ch) => ({ ...ch, active: false }));
  const issues: FieldIssue[] = [];
  for (const item of param.split(",")) {
    const m = /^(-?)(\d+)(?:\|(-?[\d.eE+-]+):(-?[\d.eE+-]+))?(?:\$([0-9a-fA-F]{6}))?$/.exec(item.trim());
    const index = m ? Number(m[2]) - 1 : -1;
    if (!m || index < 0 || index >= out.length) {
      issues.push({ field: "querystring.c", message: `"${item}" is not a channel 1..${out.length} as n|start:end$RRGGBB` });
      continue;
    }
    const ch = out[index]!;
    const start = m[3] === undefined ? ch.start : Number(m[3]);
    const end = m[4] === undefined ? ch.end : Number(m[4]);
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      issues.push({ field: "querystring.c", message: `"${item}": window bounds must be numbers` });
      continue;
    }
    out[index] = { active: m[1] !== "-", color: m[5]?.toUpperCase() ?? ch.color, start, end };
  }
  if (issues.length > 0) throw new FoveaError("VALIDATION_FAILED", issues[0]!.message, { details: issues });
  return out;
}

export async function renderRoutes(app: FastifyInstance, { services, store }: RouteOptions & { store: import("@fovea/core").PixelStore }): Promise<void> {
  typed(app).get("/images/:id/render", {
    schema: {
      tags: ["pixels"], summary: "A plane, tile or region rendered as PNG or JPEG", params: IdParams, querystring: RenderQuery,
      response: { 200: Binary("PNG or JPEG"), 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const q = request.query;
    const { image, key } = await services.pixels.resolve(authOf(request).actor, request.params.id);
    const hasRegion = [q.x, q.y, q.width, q.height].some((v) => v !== undefined);
    if (hasRegion && [q.x, q.y, q.width, q.height].some((v) => v === undefined)) {
      throw new FoveaError("VALIDATION_FAILED", "A region needs x, y, width and height", { details: [{ field: "querystring", message: "x, y, width and height go together" }] });
    }
    const z = q.z ?? 0;
    const t = q.t ?? 0;
    const checks: FieldIssue[] = [];
    if (z >= image.sizeZ) checks.push({ field: "querystring.z", message: `must be below ${image.sizeZ}` });
    if (t >= image.sizeT) checks.push({ field: "querystring.t", message: `must be below ${image.sizeT}` });
    if (checks.length > 0) throw new FoveaError("VALIDATION_FAILED", `Invalid plane: ${checks[0]!.field} ${checks[0]!.message}`, { details: checks });
    const format = q.format ?? "png";
    const bytes = await renderRegion(store, key, {
      level: q.level ?? 0, z, t, channels: parseChannels(q.c, image.channels), format,
      ...(hasRegion && { region: { x: q.x!, y: q.y!, width: q.width!, height: q.height! } }),
      ...(q.projection && { projection: q.projection }),
      ...(q.quality !== undefined && { quality: q.quality }),
    });
    // A Buffer over the encoded bytes, not a copy of them.
    return reply.type(format === "png" ? "image/png" : "image/jpeg").header("cache-control", "private, max-age=60")
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
