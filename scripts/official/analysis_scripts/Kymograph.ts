/**
 * analysis_scripts/Kymograph (SCRIPTS.md §3): one kymograph per ROI that holds Line or Polyline
 * shapes on a time-lapse. Column s is arc length s along the path (its first point on the left),
 * and time point i of the kymograph contributes the Line_Width rows i·W … i·W+W−1 across the path
 * (first time point on top). The sampling itself (unit arc-length steps, offsets along the normal,
 * bilinear interpolation of raw values, 0 outside the image) runs on the server, next to the
 * pixels, through ctx.pixels.pathSamples; this script decides which shape serves which time point
 * and builds the new image.
 */
import { defineScript, p, type ScriptContext } from "@fovea/sdk";
import type { ImageDto, RoiDto, ShapeDto } from "@fovea/model";

type Point = [number, number];

/** A Line or Polyline shape, with its path. */
interface PathShape {
  readonly shape: ShapeDto;
  readonly points: Point[];
  /** L, the path's length in pixels. */
  readonly length: number;
}

/** The shape one time point of the kymograph is sampled along. */
interface Band {
  readonly t: number;
  readonly path: PathShape;
}

/** What a run learnt about calibration, to record on each kymograph. */
interface Calibration {
  readonly umPerPixel: number | undefined;
  readonly secondsPerTimePoint: number | undefined;
}

const NAME_MAX = 255;

export default defineScript({
  name: "Kymograph",
  folder: "analysis_scripts",
  description:
    "Makes a kymograph (space along the line × time) for every ROI holding Line or Polyline shapes on the chosen time-lapse images. " +
    "Each time point gives Line_Width rows sampled across the line; the new image goes to the source image's dataset.",
  authors: ["Fovea Team"],
  institutions: ["Fovea"],
  version: "1.0.0",
  timeoutSeconds: 3600,
  params: {
    Data_Type: p.string({ values: ["Image"] as const, default: "Image", grouping: "1", description: "The type of the objects in IDs." }),
    IDs: p.list(p.long(), { grouping: "2", description: "Image IDs (time-lapses with Line or Polyline ROIs)." }),
    Line_Width: p.int({ default: 4, min: 1, grouping: "3", description: "Samples taken across the line at each point: the rows each time point contributes." }),
    Use_All_Timepoints: p.bool({
      default: true, grouping: "4",
      description: "Use every time point (each uses the shape of its own T, or the nearest earlier one); otherwise only the time points that have a shape.",
    }),
    Time_Increment: p.float({ optional: true, grouping: "5", description: "Seconds between time points, for images without time calibration." }),
    Pixel_Size: p.float({ optional: true, grouping: "6", description: "µm per pixel, for images without a physical pixel size." }),
  },
  async run(ctx, inputs) {
    const width = inputs.Line_Width;
    const images = await ctx.images.byIds(inputs.IDs);
    const datasets = new DatasetIndex(ctx);
    const created: ImageDto[] = [];
    const skipped: string[] = [];
    for (const [i, image] of images.entries()) {
      ctx.log(`---- Processing image ${image.id} (${image.name})`);
      if (image.sizeT <= 1) {
        skipped.push(report(ctx, `image ${image.id} (${image.name}) has no time points (sizeT = ${image.sizeT})`));
        continue;
      }
      const rois = (await ctx.rois.ofImage(image.id)).filter((roi) => pathShapes(ctx, roi).length > 0);
      if (rois.length === 0) {
        skipped.push(report(ctx, `image ${image.id} (${image.name}) has no ROI with a Line or Polyline`));
        continue;
      }
      const calibration = calibrationOf(ctx, image, inputs.Pixel_Size, inputs.Time_Increment);
      const datasetIds = await datasets.of(image);
      for (const [r, roi] of rois.entries()) {
        ctx.progress((i + r / rois.length) / images.length, `image ${i + 1} of ${images.length}, ROI ${r + 1} of ${rois.length}`);
        const bands = assignBands(ctx, roi, pathShapes(ctx, roi), image, inputs.Use_All_Timepoints);
        if (bands.length === 0) {
          skipped.push(report(ctx, `ROI ${roi.id} of image ${image.id}: no shape inside the image's time points`));
          continue;
        }
        const kymograph = await makeKymograph(ctx, image, roi, bands, width, calibration, datasetIds);
        ctx.log(`ROI ${roi.id}: kymograph ${kymograph.id} (${kymograph.sizeX} × ${kymograph.sizeY})`);
        created.push(kymograph);
      }
    }
    ctx.progress(1, "done");
    const note = skipped.length > 0 ? ` Skipped: ${skipped.join("; ")}.` : "";
    if (created.length === 0) return { Message: `No kymograph created.${note || " No image found."}` };
    if (created.length === 1) return { Message: `New kymograph created: ${created[0]!.name}.${note}`, New_Image: ctx.ref("Image", created[0]!.id) };
    return { Message: `${created.length} new kymographs created.${note}`, First_Image: ctx.ref("Image", created[0]!.id) };
  },
});

function report(ctx: ScriptContext, reason: string): string {
  ctx.log(`Skipped: ${reason}`);
  return reason;
}

/** The image's own calibration, else the inputs; non-positive inputs are ignored with a log line. */
function calibrationOf(ctx: ScriptContext, image: ImageDto, pixelSize: number | undefined, timeIncrement: number | undefined): Calibration {
  const positive = (name: string, v: number | undefined): number | undefined => {
    if (v === undefined || v > 0) return v;
    ctx.log(`${name} = ${v} ignored: it must be positive`);
    return undefined;
  };
  const umPerPixel = image.physicalSizeX ?? positive("Pixel_Size", pixelSize);
  const secondsPerTimePoint = image.timeIncrement ?? positive("Time_Increment", timeIncrement);
  if (umPerPixel === undefined) ctx.log(`image ${image.id} has no pixel size and no Pixel_Size was given: X stays in pixels`);
  if (secondsPerTimePoint === undefined) ctx.log(`image ${image.id} has no time increment and no Time_Increment was given: Y stays in rows`);
  return { umPerPixel, secondsPerTimePoint };
}

/** The ROI's Line shapes, or its Polylines when it has no Line (lines win); zero-length paths are left out. */
function pathShapes(ctx: ScriptContext, roi: RoiDto): PathShape[] {
  const lines = roi.shapes.filter((s) => s.kind === "Line");
  const chosen = lines.length > 0 ? lines : roi.shapes.filter((s) => s.kind === "Polyline");
  const paths: PathShape[] = [];
  for (const shape of chosen) {
    const points = pointsOf(shape);
    const length = points.slice(1).reduce((sum, [x, y], i) => sum + Math.hypot(x - points[i]![0], y - points[i]![1]), 0);
    if (length > 0 && Number.isFinite(length)) paths.push({ shape, points, length });
    else ctx.log(`ROI ${roi.id}, shape ${shape.id}: the path has zero length, ignored`);
  }
  return paths;
}

function pointsOf(shape: ShapeDto): Point[] {
  const g = shape as ShapeDto & { x1?: number; y1?: number; x2?: number; y2?: number; points?: number[][] };
  if (shape.kind === "Line") return [[g.x1!, g.y1!], [g.x2!, g.y2!]];
  return (g.points ?? []).map(([x, y]) => [x!, y!]);
}

/**
 * Which shape each kymograph time point is sampled along. A shape with `t` serves its own time
 * point (the first one wins when two share a T); a shape without `t` serves every time point that
 * has none of its own. With Use_All_Timepoints every time point appears, a time point without a
 * shape taking the nearest earlier one (or the first shape, before any); otherwise only the time
 * points that have a shape appear.
 */
function assignBands(ctx: ScriptContext, roi: RoiDto, paths: readonly PathShape[], image: ImageDto, useAll: boolean): Band[] {
  const byT = new Map<number, PathShape>();
  let untimed: PathShape | undefined;
  for (const path of paths) {
    const { id, t, z } = path.shape;
    if (z !== null && (z < 0 || z >= image.sizeZ)) {
      ctx.log(`ROI ${roi.id}, shape ${id}: Z = ${z + 1} is outside the image (sizeZ = ${image.sizeZ}), ignored`);
    } else if (t === null) {
      if (untimed) ctx.log(`ROI ${roi.id}: shapes ${untimed.shape.id} and ${id} both apply to every time point; using ${untimed.shape.id}`);
      untimed ??= path;
    } else if (t < 0 || t >= image.sizeT) {
      ctx.log(`ROI ${roi.id}, shape ${id}: T = ${t + 1} is outside the image (sizeT = ${image.sizeT}), ignored`);
    } else if (byT.has(t)) {
      ctx.log(`ROI ${roi.id}: shapes ${byT.get(t)!.shape.id} and ${id} are both on T = ${t + 1}; using ${byT.get(t)!.shape.id}`);
    } else {
      byT.set(t, path);
    }
  }
  const timed = [...byT.keys()].sort((a, b) => a - b);
  const all = Array.from({ length: image.sizeT }, (_, t) => t);
  const times = useAll || untimed ? all : timed;
  const bands: Band[] = [];
  for (const t of times) {
    const earlier = timed.filter((k) => k <= t).pop() ?? timed[0];
    const path = byT.get(t) ?? untimed ?? (earlier === undefined ? undefined : byT.get(earlier));
    if (path) bands.push({ t, path });
  }
  return bands;
}

/** Samples every band on the server, then writes the kymograph plane of each channel. */
async function makeKymograph(
  ctx: ScriptContext, image: ImageDto, roi: RoiDto, bands: readonly Band[], width: number, calibration: Calibration, datasetIds: readonly number[],
): Promise<ImageDto> {
  const shapes = [...new Map(bands.map((b) => [b.path.shape.id, b.path])).values()];
  const sizeX = Math.max(...shapes.map((s) => Math.floor(s.length) + 1));
  const sizeY = bands.length * width;
  const { umPerPixel, secondsPerTimePoint } = calibration;
  const name = `${image.name.slice(0, NAME_MAX - "_kymograph".length)}_kymograph`;
  const kymograph = await ctx.images.create({
    name, description: describe(image, roi, shapes, bands, width),
    sizeX, sizeY, sizeZ: 1, sizeC: image.sizeC, sizeT: 1, pixelType: image.pixelType,
    channels: image.channels.map((c, i) => ({ name: c.name || `Ch${i + 1}`, ...(/^[0-9A-Fa-f]{6}$/.test(c.color) && { color: c.color }) })),
    ...(datasetIds[0] !== undefined ? { datasetId: datasetIds[0] } : { groupId: image.groupId }),
    ...(umPerPixel !== undefined && { physicalSizeX: umPerPixel, physicalSizeUnit: "µm" as const }),
    ...(secondsPerTimePoint !== undefined && { physicalSizeY: secondsPerTimePoint / width, physicalSizeYUnit: "s" as const }),
  }, async (writePlane) => {
    for (let c = 0; c < image.sizeC; c++) {
      // Columns past a shorter shape's end stay 0, like samples outside the image.
      const plane = new Float64Array(sizeX * sizeY);
      for (const path of shapes) {
        const rows = bands.flatMap((b, i) => (b.path === path ? [i] : []));
        const sampled = await ctx.pixels.pathSamples(image.id, path.points, { width, c, z: path.shape.z ?? 0, t: rows.map((i) => bands[i]!.t) });
        rows.forEach((row, j) => {
          for (let k = 0; k < width; k++) {
            const offset = (row * width + k) * sizeX;
            for (let s = 0; s < sampled.length; s++) plane[offset + s] = sampled.at(j, k, s);
          }
        });
      }
      await writePlane(0, c, 0, plane); // rounded to the pixel type by the SDK (toPixelType)
    }
  });
  for (const datasetId of datasetIds.slice(1)) await ctx.client.datasets.linkImage(datasetId, kymograph.id);
  return kymograph;
}

function describe(image: ImageDto, roi: RoiDto, shapes: readonly PathShape[], bands: readonly Band[], width: number): string {
  const ids = shapes.map((s) => s.shape.id);
  const kinds = [...new Set(shapes.map((s) => s.shape.kind))].join("/");
  const first = bands[0]!.t + 1;
  const last = bands[bands.length - 1]!.t + 1;
  const times = bands.length === last - first + 1 ? `time points ${first}–${last}` : `time points ${bands.map((b) => b.t + 1).join(", ")}`;
  return `Kymograph of image ${image.id} "${image.name}", ROI ${roi.id}, ${ids.length === 1 ? "shape" : "shapes"} ${ids.join(", ")} (${kinds}). ` +
    `Line_Width ${width}: each time point gives ${width} rows, first time point on top; ${times}.`;
}

/**
 * The datasets that hold an image and that the user may add images to. The API lists a dataset's
 * images but not an image's datasets, so the datasets of the image's group are read once per run
 * and kept. A dataset the user may not link into (a colleague's, in a read-only group) is left out
 * with a log line, so that the kymograph still gets made.
 */
class DatasetIndex {
  readonly #ctx: ScriptContext;
  readonly #byGroup = new Map<number, Promise<Map<number, { canLink: boolean; images: Set<number> }>>>();

  constructor(ctx: ScriptContext) {
    this.#ctx = ctx;
  }

  async of(image: ImageDto): Promise<number[]> {
    let group = this.#byGroup.get(image.groupId);
    if (!group) this.#byGroup.set(image.groupId, (group = this.#load(image.groupId)));
    const ids: number[] = [];
    for (const [id, dataset] of await group) {
      if (!dataset.images.has(image.id)) continue;
      if (dataset.canLink) ids.push(id);
      else this.#ctx.log(`dataset ${id} holds image ${image.id} but you may not add images to it: the kymograph is not placed there`);
    }
    return ids;
  }

  async #load(groupId: number): Promise<Map<number, { canLink: boolean; images: Set<number> }>> {
    const { client } = this.#ctx;
    const index = new Map<number, { canLink: boolean; images: Set<number> }>();
    for (const dataset of await allPages((page) => client.datasets.list({ groupId, ...page }))) {
      const images = new Set((await allPages((page) => client.datasets.images(dataset.id, page))).map((i) => i.id));
      index.set(dataset.id, { canLink: dataset.permissions.canLink, images });
    }
    return index;
  }
}

async function allPages<T>(fetchPage: (page: { limit: number; offset: number }) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; ) {
    const page = await fetchPage({ limit: 1000, offset });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}
