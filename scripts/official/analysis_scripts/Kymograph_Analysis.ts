/**
 * analysis_scripts/Kymograph_Analysis (SCRIPTS.md §3): velocities from lines drawn along the
 * stripes of kymographs. In a kymograph x is arc length along the original line (pixels) and y is
 * time (rows), so a segment (dx, dy) moves dx·µm-per-pixel in dy·seconds-per-row: its slope is a
 * velocity, positive toward the end of the original line. Seconds per row is read from the
 * `fovea.calibration` Map annotation the Kymograph script records (images have no unit per axis).
 */
import { defineScript, p, type ScriptContext } from "@fovea/sdk";
import type { AnnotationDto, ImageDto, ShapeDto } from "@fovea/model";

type Point = [number, number];

/** µm per column and seconds per row; either may be unknown. */
interface KymographCalibration {
  readonly umPerPixel: number | undefined;
  readonly secondsPerRow: number | undefined;
}

const CALIBRATION_NAMESPACE = "fovea.calibration";

const HEADER = [
  "image_id", "image_name", "roi_id", "shape_id", "type", "segment", "x_start", "y_start", "x_end", "y_end",
  "dx (pixels)", "dy (rows)", "distance (µm)", "time (s)", "velocity (µm/s)", "speed (µm/s)",
];

export default defineScript({
  name: "Kymograph Analysis",
  folder: "analysis_scripts",
  description:
    "Measures the lines and polylines drawn along the stripes of kymographs: per segment the distance, time, signed velocity " +
    "(positive toward the end of the original line) and speed, in a CSV attached to each kymograph.",
  authors: ["Fovea Team"],
  institutions: ["Fovea"],
  version: "1.0.0",
  timeoutSeconds: 600,
  params: {
    Data_Type: p.string({ values: ["Image"] as const, default: "Image", grouping: "1", description: "The type of the objects in IDs." }),
    IDs: p.list(p.long(), { grouping: "2", description: "Kymograph image IDs (made by the Kymograph script), with lines drawn along their stripes." }),
  },
  async run(ctx, inputs) {
    const images = await ctx.images.byIds(inputs.IDs);
    const rows: string[][] = [];
    const analysed: ImageDto[] = [];
    const notes: string[] = [];
    for (const [i, image] of images.entries()) {
      ctx.progress(i / images.length, `image ${i + 1} of ${images.length}`);
      ctx.log(`---- Processing image ${image.id} (${image.name})`);
      if (image.sizeT > 1) {
        notes.push(note(ctx, `image ${image.id} (${image.name}) is a time-lapse (sizeT = ${image.sizeT}), not a kymograph: skipped; run Kymograph on it first`));
        continue;
      }
      analysed.push(image);
      const calibration = await calibrationOf(ctx, image);
      const before = rows.length;
      for (const roi of await ctx.rois.ofImage(image.id)) {
        for (const shape of roi.shapes.filter((s) => s.kind === "Line" || s.kind === "Polyline")) {
          rows.push(...shapeRows(ctx, image, shape, calibration, notes));
        }
      }
      if (rows.length === before) notes.push(note(ctx, `image ${image.id} (${image.name}) has no Line or Polyline`));
    }
    ctx.progress(1, "done");
    const tail = notes.length > 0 ? ` Notes: ${notes.join("; ")}.` : "";
    if (rows.length === 0) return { Message: `No line measured.${tail}` };
    const csv = [HEADER, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n"; // RFC 4180 fields, `\n` line ends (the issue asks for them; Excel and pandas read both)
    const fileName = `kymograph_velocities_${analysed.map((im) => im.id).join("-")}.csv`;
    const file = await ctx.attachFile(fileName, csv, { to: analysed.map((im) => ctx.ref("Image", im.id)) });
    return { Line_Data: file, Message: `Measured ${plural(rows.length, "segment")} on ${plural(analysed.length, "kymograph")}: ${fileName}.${tail}` };
  },
});

function note(ctx: ScriptContext, text: string): string {
  ctx.log(text);
  return text;
}

/** µm per pixel from the image; seconds per row from its `fovea.calibration` map (unit `s`). */
async function calibrationOf(ctx: ScriptContext, image: ImageDto): Promise<KymographCalibration> {
  const maps: AnnotationDto[] = [];
  for (let offset = 0; ; ) {
    const page = await ctx.client.annotations.listOn({ type: "Image", id: image.id }, { limit: 1000, offset });
    maps.push(...page.items.filter((a) => a.type === "MapAnnotation" && a.namespace === CALIBRATION_NAMESPACE));
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
  let secondsPerRow: number | undefined;
  for (const map of maps) {
    if (map.type !== "MapAnnotation") continue;
    const values = new Map(map.values);
    const value = Number(values.get("physicalSizeY"));
    if (values.get("physicalSizeYUnit") === "s" && value > 0) secondsPerRow = value;
  }
  const umPerPixel = image.physicalSizeX ?? undefined;
  if (umPerPixel === undefined) ctx.log(`image ${image.id} has no pixel size: distances and velocities left blank`);
  if (secondsPerRow === undefined) ctx.log(`image ${image.id} has no seconds-per-row calibration: times and velocities left blank`);
  return { umPerPixel, secondsPerRow };
}

/** One row per segment; a polyline adds its summary row (segment `all`: net distance over total time). */
function shapeRows(ctx: ScriptContext, image: ImageDto, shape: ShapeDto, cal: KymographCalibration, notes: string[]): string[][] {
  const points = pointsOf(shape);
  const type = shape.kind === "Line" ? "line" : "polyline";
  const where = `image ${image.id}, ROI ${shape.roiId}, shape ${shape.id}`;
  const row = (segment: string, a: Point, b: Point): string[] => {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const distance = cal.umPerPixel === undefined ? undefined : dx * cal.umPerPixel;
    const time = cal.secondsPerRow === undefined ? undefined : dy * cal.secondsPerRow;
    let velocity: number | undefined;
    if (dy === 0) notes.push(note(ctx, `${where}, segment ${segment}: dy = 0 (a horizontal segment takes no time), velocity left blank`));
    else if (distance !== undefined && time !== undefined) velocity = distance / time;
    return [
      String(image.id), image.name, String(shape.roiId), String(shape.id), type, segment,
      ...[a[0], a[1], b[0], b[1], dx, dy, distance, time, velocity, velocity === undefined ? undefined : Math.abs(velocity)].map(num),
    ];
  };
  if (points.length < 2) {
    notes.push(note(ctx, `${where}: fewer than two points, ignored`));
    return [];
  }
  const rows = points.slice(1).map((b, i) => row(String(i + 1), points[i]!, b));
  if (shape.kind === "Polyline") rows.push(row("all", points[0]!, points[points.length - 1]!));
  return rows;
}

function pointsOf(shape: ShapeDto): Point[] {
  const g = shape as ShapeDto & { x1?: number; y1?: number; x2?: number; y2?: number; points?: number[][] };
  if (shape.kind === "Line") return [[g.x1!, g.y1!], [g.x2!, g.y2!]];
  return (g.points ?? []).map(([x, y]) => [x!, y!]);
}

/** Blank when unknown; 12 significant digits, so that 0.1 + 0.2 reads 0.3. */
function num(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? "" : String(Number(v.toPrecision(12)));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** "1 segment", "3 segments". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
