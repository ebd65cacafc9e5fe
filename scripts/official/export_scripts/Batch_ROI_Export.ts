/**
 * export_scripts/Batch_ROI_Export (SCRIPTS.md §3): one CSV row per image × ROI × shape × plane ×
 * channel with the shape's pixel statistics (measured on the server, SCRIPTS.md §2), its length or
 * area and its coordinates, attached to every object named in IDs. The OMERO script of the same
 * name is the model; its column order is kept so that existing spreadsheets keep working.
 */
import { defineScript, p, type ScriptContext } from "@fovea/sdk";
// The SDK does not re-export the shape geometry; the server's own definitions keep one truth.
import { shapeArea, shapeLength, type ImageDto, type RoiDto, type ShapeDto, type ShapeGeometry } from "@fovea/model";

/** One request asks for at most this many statistics rows (the server allows 1 000 000). */
const ROWS_PER_REQUEST = 100_000;
/** The server's limit of shapes per shape-stats request (LIMITS.SHAPES_PER_ROI_MAX). */
const SHAPES_PER_REQUEST = 10_000;

const GEOMETRY_COLUMNS = ["X", "Y", "Width", "Height", "RadiusX", "RadiusY", "X1", "Y1", "X2", "Y2"] as const;
type GeometryColumn = (typeof GEOMETRY_COLUMNS)[number];

type Stats = Awaited<ReturnType<ScriptContext["pixels"]["shapeStats"]>>[number];
/** A CSV cell: blank when null or undefined; `Quoted` for free text. */
type Cell = string | number | null | undefined | Quoted;

/** A text cell that is always quoted, like OMERO's export: names stay text in spreadsheets. */
class Quoted {
  constructor(readonly text: string) {}
}
const quoted = (text: string): Quoted => new Quoted(text);

interface Options {
  readonly allPlanes: boolean;
  readonly withPoints: boolean;
  readonly shapeChannelOnly: boolean;
  /** Lengths and areas in µm (every image is calibrated), else in pixels. */
  readonly physical: boolean;
}

/** A shape's (z, t) pairs (0-based; null = blank) and channels (0-based), in CSV order. */
interface ShapePlan {
  readonly shape: ShapeDto;
  readonly planes: readonly (readonly [number | null, number | null])[];
  readonly channels: readonly number[];
}

export default defineScript({
  name: "Batch ROI Export",
  folder: "export_scripts",
  description: "Exports the intensity statistics, size and coordinates of every ROI shape of the chosen images as one CSV, attached to the chosen objects.",
  authors: ["Fovea Team"],
  institutions: ["Fovea"],
  version: "1.0.0",
  params: {
    Data_Type: p.string({ values: ["Project", "Dataset", "Image"] as const, default: "Image", grouping: "1", description: "The type of the objects in IDs." }),
    IDs: p.list(p.long(), { grouping: "2", description: "Project, Dataset or Image IDs." }),
    Channels: p.list(p.int(), { default: [1, 2, 3, 4], grouping: "3", description: "Channels to measure (1-based); those an image lacks are skipped." }),
    Export_All_Planes: p.bool({ default: false, grouping: "4", description: "Measure a shape without Z (or T) on every Z (or T) plane instead of leaving its statistics blank." }),
    Include_Points_Coords: p.bool({ default: true, grouping: "5", description: "Add a Points column with the x,y coordinates of polylines and polygons." }),
    File_Name: p.string({ default: "Batch_ROI_Export.csv", grouping: "6", description: "Name of the CSV file (.csv is added when missing)." }),
    Only_Shape_Channel: p.bool({ default: false, grouping: "7", description: "Measure a shape drawn on one channel (its C is set) on that channel only." }),
  },
  async run(ctx, inputs) {
    const images = await ctx.images.of(inputs.Data_Type, inputs.IDs);
    if (images.length === 0) return { Message: "No images found" };
    const physical = images.every(isCalibrated);
    if (!physical) {
      const bare = images.filter((i) => !isCalibrated(i)).map((i) => `Image ${i.id}`);
      ctx.log(`lengths and areas in pixels: ${bare.join(", ")} ${bare.length > 1 ? "have" : "has"} no physical pixel size`);
    }
    const opts: Options = { allPlanes: inputs.Export_All_Planes, withPoints: inputs.Include_Points_Coords, shapeChannelOnly: inputs.Only_Shape_Channel, physical };
    const lines = [csvLine(header(opts))];
    for (const [i, image] of images.entries()) {
      ctx.signal.throwIfAborted();
      const rows = await exportImage(ctx, image, inputs.Channels, opts);
      for (const row of rows) lines.push(csvLine(row));
      ctx.progress((i + 1) / images.length, `image ${i + 1} of ${images.length}: ${rows.length} rows`);
    }
    const count = lines.length - 1;
    if (count === 0) {
      ctx.log("nothing to export: no file attached");
      return { Message: "Exported 0 shapes" };
    }
    const name = fileNameOf(inputs.File_Name, ctx);
    const to = [...new Set(inputs.IDs)].map((id) => ctx.ref(inputs.Data_Type, id));
    const file = await ctx.attachFile(name, `${lines.join("\n")}\n`, { to, mimeType: "text/csv" });
    ctx.log(`wrote ${count} rows to ${name}, attached to ${to.map((r) => `${r.type} ${r.id}`).join(", ")}`);
    return { Message: `Exported ${count} shapes`, File_Annotation: file };
  },
});

function isCalibrated(image: ImageDto): boolean {
  return image.physicalSizeX !== null && image.physicalSizeY !== null;
}

function header(opts: Options): Cell[] {
  const unit = opts.physical ? "µm" : "pixels";
  return [
    "image_id", "image_name", "roi_id", "shape_id", "type", "text", "z", "t", "channel", `area (${unit})`, `length (${unit})`,
    "points", "min", "max", "sum", "mean", "std_dev", ...GEOMETRY_COLUMNS, ...(opts.withPoints ? ["Points"] : []),
  ];
}

/** `.csv` is added when missing; a blank name falls back to the default. */
function fileNameOf(input: string, ctx: ScriptContext): string {
  const name = input.trim();
  if (name === "") {
    ctx.log("File_Name is blank: using Batch_ROI_Export.csv");
    return "Batch_ROI_Export.csv";
  }
  return /\.csv$/i.test(name) ? name : `${name}.csv`;
}

/** The chosen channels (0-based, first mention wins) that this image has; the others are logged. */
function channelsOf(image: ImageDto, channels: readonly number[], ctx: ScriptContext): number[] {
  const out: number[] = [];
  const outside: number[] = [];
  for (const ch of channels) {
    if (ch < 1 || ch > image.sizeC) outside.push(ch);
    else if (!out.includes(ch - 1)) out.push(ch - 1);
  }
  if (outside.length > 0) {
    ctx.log(`Image ${image.id}: channel${outside.length > 1 ? "s" : ""} ${outside.join(", ")} skipped (the image has channels 1 to ${image.sizeC})`);
  }
  return out;
}

/** Every row of one image: its ROIs in id order, their shapes in id order. */
async function exportImage(ctx: ScriptContext, image: ImageDto, chosen: readonly number[], opts: Options): Promise<Cell[][]> {
  const rois = [...(await ctx.rois.ofImage(image.id))].sort((a, b) => a.id - b.id);
  if (rois.length === 0) {
    ctx.log(`Image ${image.id} "${image.name}": no ROIs, skipped`);
    return [];
  }
  const channels = channelsOf(image, chosen, ctx);
  if (channels.length === 0 && !opts.shapeChannelOnly) {
    ctx.log(`Image ${image.id} "${image.name}": none of the chosen channels exists, skipped`);
    return [];
  }
  const plans = rois.map((roi) => ({ roi, shapes: [...roi.shapes].sort((a, b) => a.id - b.id).map((s) => planOf(s, image, channels, opts)) }));
  const stats = await measure(ctx, image, plans.flatMap((r) => r.shapes), channels, opts);
  const rows: Cell[][] = [];
  for (const { roi, shapes } of plans) {
    for (const plan of shapes) rows.push(...rowsOf(image, roi, plan, stats, opts));
  }
  ctx.log(`Image ${image.id} "${image.name}": ${rois.length} ROIs, ${rows.length} rows`);
  return rows;
}

/** Which planes and channels a shape gets a row for (the same rule the server measures with). */
function planOf(shape: ShapeDto, image: ImageDto, channels: readonly number[], opts: Options): ShapePlan {
  const axis = (own: number | null, size: number): (number | null)[] =>
    own !== null ? [own] : opts.allPlanes ? Array.from({ length: size }, (_, i) => i) : [null];
  const planes: [number | null, number | null][] = [];
  for (const z of axis(shape.z, image.sizeZ)) for (const t of axis(shape.t, image.sizeT)) planes.push([z, t]);
  return { shape, planes, channels: opts.shapeChannelOnly && shape.c !== null ? [shape.c] : channels };
}

const key = (shapeId: number, z: number, t: number, c: number): string => `${shapeId}/${z}/${t}/${c}`;

/**
 * The statistics of every measurable (shape, z, t, c) of one image, in as few requests as the
 * server's limits allow. A shape without z (or t) is sent with an empty z (or t) list unless every
 * plane is wanted, so the server measures exactly the planes the CSV shows.
 */
async function measure(ctx: ScriptContext, image: ImageDto, plans: readonly ShapePlan[], channels: number[], opts: Options): Promise<Map<string, Stats>> {
  const out = new Map<string, Stats>();
  const measured = plans.filter((p) => p.channels.length > 0 && p.planes.some(([z, t]) => z !== null && t !== null));
  const query = { channels, z: opts.allPlanes ? ("all" as const) : [], t: opts.allPlanes ? ("all" as const) : [], shapeChannelOnly: opts.shapeChannelOnly };
  let batch: number[] = [];
  let batchRows = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    for (const s of await ctx.pixels.shapeStats(image.id, batch, query)) out.set(key(s.shapeId ?? batch[s.index]!, s.z, s.t, s.c), s);
    batch = [];
    batchRows = 0;
  };
  for (const plan of measured) {
    const n = plan.planes.length * plan.channels.length;
    if (batch.length > 0 && (batchRows + n > ROWS_PER_REQUEST || batch.length >= SHAPES_PER_REQUEST)) await flush();
    batch.push(plan.shape.id);
    batchRows += n;
  }
  await flush();
  return out;
}

function rowsOf(image: ImageDto, roi: RoiDto, plan: ShapePlan, stats: Map<string, Stats>, opts: Options): Cell[][] {
  const { shape } = plan;
  const geometry = shape as unknown as ShapeGeometry;
  const size = opts.physical ? { x: image.physicalSizeX ?? undefined, y: image.physicalSizeY ?? undefined } : {};
  const fixed = {
    area: shapeArea(geometry, size), length: shapeLength(geometry, size),
    coords: geometryColumns(geometry), points: opts.withPoints ? [pointsOf(geometry)] : [],
  };
  const rows: Cell[][] = [];
  for (const [z, t] of plan.planes) {
    for (const c of plan.channels) {
      const s = z !== null && t !== null ? stats.get(key(shape.id, z, t, c)) : undefined;
      if (z !== null && t !== null && !s) throw new Error(`the server sent no statistics for shape ${shape.id} at z=${z}, t=${t}, c=${c}`);
      rows.push([
        image.id, quoted(image.name), roi.id, shape.id, shape.kind.toLowerCase(), quoted(shape.text ?? ""),
        z === null ? "" : z + 1, t === null ? "" : t + 1, quoted(image.channels[c]?.name ?? `Channel ${c + 1}`),
        fixed.area, fixed.length, s?.count, s?.min, s?.max, s?.sum, s?.mean, s?.std,
        ...GEOMETRY_COLUMNS.map((col) => fixed.coords[col]), ...fixed.points,
      ]);
    }
  }
  return rows;
}

function geometryColumns(g: ShapeGeometry): Partial<Record<GeometryColumn, number>> {
  switch (g.kind) {
    case "Rectangle": return { X: g.x, Y: g.y, Width: g.width, Height: g.height };
    case "Ellipse": return { X: g.x, Y: g.y, RadiusX: g.radiusX, RadiusY: g.radiusY };
    case "Line": return { X1: g.x1, Y1: g.y1, X2: g.x2, Y2: g.y2 };
    case "Point": case "Label": return { X: g.x, Y: g.y };
    case "Polyline": case "Polygon": return {};
  }
}

function pointsOf(g: ShapeGeometry): string {
  return g.kind === "Polyline" || g.kind === "Polygon" ? g.points.map(([x, y]) => `${x},${y}`).join(" ") : "";
}

/** One RFC 4180 line: text cells quoted (inner quotes doubled), others only when they need it. */
function csvLine(cells: readonly Cell[]): string {
  return cells.map((cell) => {
    if (cell instanceof Quoted) return `"${cell.text.replace(/"/g, '""')}"`;
    const text = cell === null || cell === undefined ? "" : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }).join(",");
}
