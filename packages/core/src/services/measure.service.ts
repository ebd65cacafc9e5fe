/**
 * Server-side pixel operations for scripts (SCRIPTS.md §2–3): intensity statistics of shapes and
 * bilinear samples along a path (kymographs). Both read only what they need from the pixel store,
 * at full resolution: a shape's bounding box, or the blocks a path's samples touch.
 */
import {
  bilinearAt, bilinearFootprint, FoveaError, intensityStats, isFoveaError, pathSamplePositions, shapePixels,
  validateShape, type FieldIssue, type PathSamplesRequest, type PixelSpans, type ShapeInput, type ShapeStatsRequest,
  type ShapeStatsRowDto,
} from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { requireAccess } from "../access/guard.ts";
import type { ImageRecord, ShapeRecord } from "../ports/index.ts";
import type { PixelsService } from "./pixels.service.ts";
import type { ServiceDeps } from "./ports.ts";

/** Rows of one shape-stats answer, and values of one path-samples answer, at most. */
const MAX_STATS_ROWS = 1_000_000;
const MAX_PATH_VALUES = 32 * 1024 * 1024;
/** Paths are read in blocks of this edge, so a long diagonal never reads its whole bounding box. */
const PATH_BLOCK = 256;

/** Samples of a path: value (t index i, row k, sample s) at data[(i·width + k)·length + s]. */
export interface PathSamples {
  readonly width: number;
  readonly length: number;
  readonly pathLength: number;
  readonly t: readonly number[];
  readonly data: Float64Array;
}

function invalid(issues: FieldIssue[], code: "VALIDATION_FAILED" | "SHAPE_INVALID" = "VALIDATION_FAILED"): never {
  throw new FoveaError(code, `Invalid request: ${issues[0]!.field} ${issues[0]!.message}`, { details: issues });
}

/** Checks 0-based indices against an axis size; "all" or undefined mean every index. */
function planeList(v: readonly number[] | "all" | undefined, size: number, field: string, issues: FieldIssue[]): number[] {
  if (v === undefined || v === "all") return Array.from({ length: size }, (_, i) => i);
  v.forEach((i, n) => {
    if (i >= size) issues.push({ field: `${field}[${n}]`, message: `is ${i} but the image has ${size} (0-based indices)` });
  });
  return [...new Set(v)];
}

interface Measured {
  readonly index: number;
  readonly shapeId?: number;
  readonly shape: ShapeInput | ShapeRecord;
}

export class MeasureService {
  constructor(private readonly deps: ServiceDeps, private readonly pixels: PixelsService) {}

  /**
   * Statistics of each shape's pixels, for each applicable plane (the shape's own z/t when set,
   * else the requested ones) and channel: count, min, max, sum, mean and population std of the raw
   * values. Rows come in request order of the shapes, then t, z, c.
   */
  async shapeStats(actor: Actor, imageId: number, req: ShapeStatsRequest, signal?: AbortSignal): Promise<ShapeStatsRowDto[]> {
    const { image, key } = await this.pixels.resolve(actor, imageId);
    const issues: FieldIssue[] = [];
    const zs = planeList(req.z, image.sizeZ, "body.z", issues);
    const ts = planeList(req.t, image.sizeT, "body.t", issues);
    const cs = planeList(req.channels, image.sizeC, "body.channels", issues);
    if (issues.length > 0) invalid(issues);
    const shapes = await this.#loadShapes(actor, image, req.shapes);
    const plan = shapes.map((m) => {
      const own = (v: number | null | undefined, all: number[]) => (v === undefined || v === null ? all : [v]);
      const channels = req.shapeChannelOnly && m.shape.c !== undefined && m.shape.c !== null ? [m.shape.c] : cs;
      return { m, pixels: this.#pixelsOf(m, image), ts: own(m.shape.t, ts), zs: own(m.shape.z, zs), cs: channels };
    });
    const rows = plan.reduce((n, p) => n + p.ts.length * p.zs.length * p.cs.length, 0);
    if (rows > MAX_STATS_ROWS) invalid([{ field: "body", message: `asks for ${rows} rows; at most ${MAX_STATS_ROWS} per request` }]);
    const out: ShapeStatsRowDto[] = [];
    for (const { m, pixels, ts: pts, zs: pzs, cs: pcs } of plan) {
      for (const t of pts) for (const z of pzs) for (const c of pcs) {
        signal?.throwIfAborted();
        const stats = pixels.bounds === null
          ? intensityStats(pixels, { x0: 0, y0: 0, width: 0, height: 0, data: [] })
          : intensityStats(pixels, { x0: pixels.bounds.x, y0: pixels.bounds.y, ...(await this.deps.pixels.readRegion(key, 0, z, c, t, pixels.bounds, signal)) });
        out.push({ index: m.index, ...(m.shapeId !== undefined && { shapeId: m.shapeId }), z, t, c, ...stats });
      }
    }
    return out;
  }

  /**
   * Bilinear samples of one channel along a path, for each requested time point (see
   * pathSamplePositions and bilinearAt in @fovea/model for the exact geometry). Only the blocks of
   * the plane that the samples touch are read.
   */
  async pathSamples(actor: Actor, imageId: number, req: PathSamplesRequest, signal?: AbortSignal): Promise<PathSamples> {
    const { image, key } = await this.pixels.resolve(actor, imageId);
    const issues: FieldIssue[] = [];
    const z = req.z ?? 0;
    if (req.c >= image.sizeC) issues.push({ field: "body.c", message: `is ${req.c} but the image has ${image.sizeC} channels (0-based)` });
    if (z >= image.sizeZ) issues.push({ field: "body.z", message: `is ${z} but the image has ${image.sizeZ} planes (0-based)` });
    planeList(req.t, image.sizeT, "body.t", issues);
    req.points.forEach((p, i) => {
      if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) issues.push({ field: `body.points[${i}]`, message: "must be finite numbers" });
    });
    if (issues.length > 0) invalid(issues);
    let pos;
    try {
      pos = pathSamplePositions(req.points, req.width);
    } catch (err) {
      if (err instanceof RangeError) invalid([{ field: "body.points", message: err.message }]);
      throw err;
    }
    const total = req.t.length * pos.xs.length;
    if (total > MAX_PATH_VALUES) invalid([{ field: "body", message: `asks for ${total} values; at most ${MAX_PATH_VALUES} per request` }]);
    const blocks = touchedBlocks(pos.xs, pos.ys, image.sizeX, image.sizeY);
    const data = new Float64Array(total);
    for (const [i, t] of req.t.entries()) {
      const planes = new Map<number, { x0: number; y0: number; width: number; data: ArrayLike<number> }>();
      for (const [b, region] of blocks) {
        const plane = await this.deps.pixels.readRegion(key, 0, z, req.c, t, region, signal);
        planes.set(b, { x0: region.x, y0: region.y, width: plane.width, data: plane.data });
      }
      const get = (ii: number, jj: number): number => {
        const w = planes.get(blockOf(ii, jj))!;
        return w.data[(jj - w.y0) * w.width + (ii - w.x0)]!;
      };
      const base = i * pos.xs.length;
      for (let q = 0; q < pos.xs.length; q++) data[base + q] = bilinearAt(get, pos.xs[q]!, pos.ys[q]!, image.sizeX, image.sizeY);
    }
    return { width: pos.width, length: pos.n, pathLength: pos.length, t: req.t, data };
  }

  /** Stored shapes must be on this image and visible; inline ones are validated like ROI shapes. */
  async #loadShapes(actor: Actor, image: ImageRecord, items: ShapeStatsRequest["shapes"]): Promise<Measured[]> {
    const issues: FieldIssue[] = [];
    const out: Measured[] = [];
    for (const [index, item] of items.entries()) {
      const at = `body.shapes[${index}]`;
      if (typeof item === "number") {
        const shape = await this.deps.repos.rois.findShape(item);
        const roi = shape && (await this.deps.repos.rois.findById(shape.roiId));
        if (!shape || !roi) throw new FoveaError("NOT_FOUND", `Shape ${item} not found`);
        requireAccess(actor, "read", roi, `Shape ${item}`);
        if (roi.imageId !== image.id) issues.push({ field: at, message: `Shape ${item} is on Image ${roi.imageId}, not ${image.id}` });
        out.push({ index, shapeId: item, shape });
        continue;
      }
      const found = validateShape(item, at);
      const shape = item as unknown as ShapeInput;
      if (found.length === 0) {
        for (const axis of ["z", "t", "c"] as const) {
          const v = shape[axis];
          const size = axis === "z" ? image.sizeZ : axis === "t" ? image.sizeT : image.sizeC;
          if (v !== undefined && v !== null && v >= size) found.push({ field: `${at}.${axis}`, message: `is ${v} but the image has ${size} (0-based indices)` });
        }
      }
      issues.push(...found);
      out.push({ index, shape });
    }
    if (issues.length > 0) invalid(issues, "SHAPE_INVALID");
    return out;
  }

  #pixelsOf(m: Measured, image: ImageRecord): PixelSpans {
    try {
      return shapePixels(m.shape, image.sizeX, image.sizeY);
    } catch (err) {
      if (!isFoveaError(err, "SHAPE_INVALID")) throw err;
      return invalid([{ field: `body.shapes[${m.index}]`, message: err.message }], "SHAPE_INVALID");
    }
  }
}

function blockOf(i: number, j: number): number {
  return Math.floor(j / PATH_BLOCK) * 0x100000 + Math.floor(i / PATH_BLOCK);
}

/** The PATH_BLOCK-sized regions (clipped to the image) holding every pixel the samples interpolate from. */
function touchedBlocks(xs: Float64Array, ys: Float64Array, sizeX: number, sizeY: number): Map<number, { x: number; y: number; width: number; height: number }> {
  const blocks = new Map<number, { x: number; y: number; width: number; height: number }>();
  const add = (i: number, j: number) => {
    const b = blockOf(i, j);
    if (blocks.has(b)) return;
    const x = Math.floor(i / PATH_BLOCK) * PATH_BLOCK;
    const y = Math.floor(j / PATH_BLOCK) * PATH_BLOCK;
    blocks.set(b, { x, y, width: Math.min(PATH_BLOCK, sizeX - x), height: Math.min(PATH_BLOCK, sizeY - y) });
  };
  for (let q = 0; q < xs.length; q++) {
    const f = bilinearFootprint(xs[q]!, ys[q]!, sizeX, sizeY);
    if (!f) continue;
    add(f[0], f[1]);
    add(f[2], f[1]);
    add(f[0], f[3]);
    add(f[2], f[3]);
  }
  return blocks;
}
