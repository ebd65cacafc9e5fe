/**
 * What the Batch_ROI_Export acceptance test computes on its own, without the server's geometry or
 * statistics code: SCRIPTS.md §2 pixel membership written out pixel by pixel (centre predicates,
 * even–odd rule, Bresenham), statistics of raw planes, lengths and areas, the expected CSV rows,
 * an RFC 4180 parser, and the shapes and generated images the test draws on.
 */
import type { ImageReader, PixelType } from "@fovea/core";

/** A shape as GET /images/:id/rois returns it (geometry fields plus id, z, t, c, text). */
export type StoredShape = {
  id: number; kind: string; z: number | null; t: number | null; c: number | null; text: string | null;
  x?: number; y?: number; width?: number; height?: number; radiusX?: number; radiusY?: number;
  x1?: number; y1?: number; x2?: number; y2?: number; points?: [number, number][];
};
export interface StoredRoi { id: number; name: string; shapes: StoredShape[] }
export interface ImageInfo {
  id: number; name: string; sizeX: number; sizeY: number; sizeZ: number; sizeC: number; sizeT: number;
  physicalSizeX: number | null; physicalSizeY: number | null; channels: { name: string }[];
}
export interface ExportInputs {
  Channels: number[]; Export_All_Planes: boolean; Include_Points_Coords: boolean; Only_Shape_Channel: boolean;
}
/** Raw plane (z, c, t) of an image, as GET /images/:id/pixels sent it. */
export type PlaneOf = (z: number, c: number, t: number) => Promise<ArrayLike<number>>;

/** An expected cell: a string compared exactly, a number compared as a number, "" for blank. */
export type Expected = string | number;

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with \n. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"') {
      if (field !== "") throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true; i++; continue;
    }
    if (ch === ",") { row.push(field); field = ""; i++; continue; }
    if (ch === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; continue; }
    if (ch === "\r") throw new Error(`a CR at ${i}: lines must end with \\n`);
    field += ch; i++;
  }
  if (quoted) throw new Error("an unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with \\n");
  return rows;
}

function bresenham(x0: number, y0: number, x1: number, y1: number, visit: (x: number, y: number) => void): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let [x, y] = [x0, y0];
  for (;;) {
    visit(x, y);
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) { err += dy; x += sx; }
    if (e2 <= dx) { err += dx; y += sy; }
  }
}

/** The shape's pixels (row-major indices) in a sizeX × sizeY image, by brute force over every pixel. */
export function pixelsOf(s: StoredShape, sizeX: number, sizeY: number): number[] {
  const out = new Set<number>();
  const add = (i: number, j: number): void => {
    if (i >= 0 && j >= 0 && i < sizeX && j < sizeY) out.add(j * sizeX + i);
  };
  const everyCentre = (inside: (cx: number, cy: number) => boolean): void => {
    for (let j = 0; j < sizeY; j++) for (let i = 0; i < sizeX; i++) if (inside(i + 0.5, j + 0.5)) add(i, j);
  };
  const path = (pts: [number, number][]): void => {
    if (pts.length === 1) add(Math.floor(pts[0]![0]), Math.floor(pts[0]![1]));
    for (let k = 1; k < pts.length; k++) {
      const [a, b] = [pts[k - 1]!, pts[k]!];
      bresenham(Math.floor(a[0]), Math.floor(a[1]), Math.floor(b[0]), Math.floor(b[1]), add);
    }
  };
  switch (s.kind) {
    case "Rectangle":
      everyCentre((cx, cy) => s.x! <= cx && cx < s.x! + s.width! && s.y! <= cy && cy < s.y! + s.height!);
      break;
    case "Ellipse":
      everyCentre((cx, cy) => ((cx - s.x!) / s.radiusX!) ** 2 + ((cy - s.y!) / s.radiusY!) ** 2 <= 1);
      break;
    case "Polygon":
      everyCentre((cx, cy) => {
        const p = s.points!;
        let inside = false;
        for (let k = 0, m = p.length - 1; k < p.length; m = k++) {
          const [a, b] = [p[k]!, p[m]!];
          if (a[1] > cy !== b[1] > cy && cx < ((b[0] - a[0]) * (cy - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
        }
        return inside;
      });
      break;
    case "Line": path([[s.x1!, s.y1!], [s.x2!, s.y2!]]); break;
    case "Polyline": path(s.points!); break;
    case "Point": path([[s.x!, s.y!]]); break;
    case "Label": break;
    default: throw new Error(`unknown kind ${s.kind}`);
  }
  return [...out];
}

/** count, min, max, sum, mean, population std ("" where a statistic of no pixels is undefined). */
export function statsOf(values: ArrayLike<number>, pixels: readonly number[]): Expected[] {
  if (pixels.length === 0) return [0, "", "", 0, "", ""];
  let [min, max, sum] = [Infinity, -Infinity, 0];
  for (const p of pixels) {
    const v = values[p]!;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  const mean = sum / pixels.length;
  let sq = 0;
  for (const p of pixels) sq += (values[p]! - mean) ** 2;
  return [pixels.length, min, max, sum, mean, Math.sqrt(sq / pixels.length)];
}

function measures(s: StoredShape, px: number, py: number): { area: Expected; length: Expected } {
  const seg = (a: [number, number], b: [number, number]): number => Math.sqrt(((b[0] - a[0]) * px) ** 2 + ((b[1] - a[1]) * py) ** 2);
  switch (s.kind) {
    case "Rectangle": return { area: s.width! * s.height! * px * py, length: "" };
    case "Ellipse": return { area: Math.PI * s.radiusX! * s.radiusY! * px * py, length: "" };
    case "Polygon": {
      let twice = 0;
      s.points!.forEach((a, k) => {
        const b = s.points![(k + 1) % s.points!.length]!;
        twice += a[0] * b[1] - b[0] * a[1];
      });
      return { area: (Math.abs(twice) / 2) * px * py, length: "" };
    }
    case "Line": return { area: "", length: seg([s.x1!, s.y1!], [s.x2!, s.y2!]) };
    case "Polyline": return { area: "", length: s.points!.slice(1).reduce((sum, b, k) => sum + seg(s.points![k]!, b), 0) };
    default: return { area: "", length: "" };
  }
}

function geometry(s: StoredShape): Expected[] {
  const g: Record<string, number | undefined> = {};
  if (["Rectangle", "Ellipse", "Point", "Label"].includes(s.kind)) Object.assign(g, { X: s.x, Y: s.y });
  if (s.kind === "Rectangle") Object.assign(g, { Width: s.width, Height: s.height });
  if (s.kind === "Ellipse") Object.assign(g, { RadiusX: s.radiusX, RadiusY: s.radiusY });
  if (s.kind === "Line") Object.assign(g, { X1: s.x1, Y1: s.y1, X2: s.x2, Y2: s.y2 });
  return ["X", "Y", "Width", "Height", "RadiusX", "RadiusY", "X1", "Y1", "X2", "Y2"].map((k) => g[k] ?? "");
}

export function expectedHeader(unit: string, withPoints: boolean): string[] {
  return [
    "image_id", "image_name", "roi_id", "shape_id", "type", "text", "z", "t", "channel", `area (${unit})`, `length (${unit})`,
    "points", "min", "max", "sum", "mean", "std_dev", "X", "Y", "Width", "Height", "RadiusX", "RadiusY", "X1", "Y1", "X2", "Y2",
    ...(withPoints ? ["Points"] : []),
  ];
}

/** Every expected row of one image, in the contract's order (ROIs and shapes by id, z, t, channel). */
export async function expectedRows(image: ImageInfo, rois: StoredRoi[], inputs: ExportInputs, physical: boolean, plane: PlaneOf): Promise<Expected[][]> {
  const chosen = [...new Set(inputs.Channels.filter((c) => c >= 1 && c <= image.sizeC).map((c) => c - 1))];
  const [px, py] = physical ? [image.physicalSizeX!, image.physicalSizeY!] : [1, 1];
  const rows: Expected[][] = [];
  for (const roi of [...rois].sort((a, b) => a.id - b.id)) {
    for (const s of [...roi.shapes].sort((a, b) => a.id - b.id)) {
      const members = pixelsOf(s, image.sizeX, image.sizeY);
      const axis = (own: number | null, size: number): (number | null)[] => (own !== null ? [own] : inputs.Export_All_Planes ? [...Array(size).keys()] : [null]);
      const channels = inputs.Only_Shape_Channel && s.c !== null ? [s.c] : chosen;
      const { area, length } = measures(s, px, py);
      const points = s.kind === "Polyline" || s.kind === "Polygon" ? s.points!.map(([x, y]) => `${x},${y}`).join(" ") : "";
      for (const z of axis(s.z, image.sizeZ)) for (const t of axis(s.t, image.sizeT)) for (const c of channels) {
        const stats = z === null || t === null ? ["", "", "", "", "", ""] : statsOf(await plane(z, c, t), members);
        rows.push([
          image.id, image.name, roi.id, s.id, s.kind.toLowerCase(), s.text ?? "", z === null ? "" : z + 1, t === null ? "" : t + 1,
          image.channels[c]!.name, area, length, ...stats, ...geometry(s), ...(inputs.Include_Points_Coords ? [points] : []),
        ]);
      }
    }
  }
  return rows;
}

/** Text cells equal; numbers equal (exactly for whole numbers, to 1e-9 relative otherwise). */
export function cellMatches(actual: string, expected: Expected): boolean {
  if (typeof expected === "string") return actual === expected;
  if (actual.trim() === "") return false;
  const a = Number(actual);
  if (Number.isInteger(expected)) return a === expected;
  return Math.abs(a - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

/** ROIs with one shape of every kind, scaled to the image: with and without z/t/c, some partly outside. */
export function roisFor(img: { sizeX: number; sizeY: number; sizeZ: number; sizeT: number; sizeC: number }): { name: string; shapes: Record<string, unknown>[] }[] {
  const [W, H] = [img.sizeX, img.sizeY];
  const lastZ = img.sizeZ - 1;
  const lastT = img.sizeT - 1;
  const lastC = img.sizeC - 1;
  const f = (v: number): number => Math.round(v * 100) / 100;
  return [
    {
      name: "cells, first",
      shapes: [
        { kind: "Rectangle", x: f(W * 0.06), y: f(H * 0.11), width: f(W * 0.26), height: f(H * 0.19), text: 'cell "A", left' },
        { kind: "Rectangle", x: -4.25, y: f(H * 0.77), width: f(W * 0.3), height: f(H * 0.6), z: Math.min(1, lastZ), t: 0 },
        { kind: "Ellipse", x: f(W * 0.49), y: f(H * 0.47), radiusX: f(W * 0.18), radiusY: f(H * 0.12), z: lastZ },
        { kind: "Ellipse", x: f(W * 0.95), y: 2, radiusX: f(W * 0.12), radiusY: f(H * 0.18), t: lastT, c: lastC, text: "edge" },
      ],
    },
    {
      name: "paths",
      shapes: [
        { kind: "Line", x1: 1.5, y1: f(H * 0.91), x2: f(W * 0.87), y2: f(H * 0.57), z: 0, t: lastT },
        { kind: "Line", x1: -5.5, y1: -3, x2: f(W * 0.3), y2: f(H * 0.3) },
        { kind: "Polyline", points: [[3, 3], [f(W * 0.38), f(H * 0.25)], [f(W * 0.29), f(H * 0.6)], [f(W * 0.75), f(H * 0.97)]], c: Math.min(1, lastC) },
        { kind: "Polyline", points: [[f(W * 0.8), f(H * 0.1)], [W + 6.3, f(H * 0.4)], [f(W * 0.6), H + 2]], z: lastZ, t: 0, text: "leaves, returns" },
      ],
    },
    {
      name: "misc, last",
      shapes: [
        // Self-intersecting: the even–odd rule leaves the middle out.
        { kind: "Polygon", points: [[5, 5], [f(W * 0.73), 8], [10, f(H * 0.76)], [f(W * 0.85), f(H * 0.85)], [f(W * 0.49), 2]], z: 0, t: 0, c: 0 },
        { kind: "Polygon", points: [[f(W * 0.73), f(H * 0.6)], [W + 9, f(H * 0.66)], [f(W * 1.1), H + 7], [f(W * 0.68), f(H * 1.06)]] },
        { kind: "Point", x: 7.9, y: 12.1, z: 0, t: 0 },
        { kind: "Point", x: W + 4, y: 10 },
        { kind: "Label", x: 5, y: 5, text: "note, with comma" },
        { kind: "Rectangle", x: W + 50, y: H + 50, width: 5, height: 5, z: 0, t: 0 },
      ],
    },
  ];
}

export interface GeneratedSpec {
  readonly name: string;
  readonly sizeX: number; readonly sizeY: number; readonly sizeZ: number; readonly sizeC: number; readonly sizeT: number;
  readonly pixelType: PixelType;
  readonly channels: readonly string[];
  readonly physicalSize?: { x: number; y: number };
  value(x: number, y: number, z: number, c: number, t: number): number;
}

const CTORS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;

/** A reader whose every value is a formula of (x, y, z, c, t). */
export function generatedReader(g: GeneratedSpec): ImageReader {
  return {
    metadata: {
      name: g.name, sizeX: g.sizeX, sizeY: g.sizeY, sizeZ: g.sizeZ, sizeC: g.sizeC, sizeT: g.sizeT, pixelType: g.pixelType,
      channels: g.channels.map((name) => ({ name })), format: "Generated",
      ...(g.physicalSize && { physicalSizeX: g.physicalSize.x, physicalSizeY: g.physicalSize.y }),
    },
    readPlane: async (z, c, t) => {
      const data = new CTORS[g.pixelType](g.sizeX * g.sizeY);
      for (let y = 0; y < g.sizeY; y++) for (let x = 0; x < g.sizeX; x++) data[y * g.sizeX + x] = g.value(x, y, z, c, t);
      return { width: g.sizeX, height: g.sizeY, data };
    },
  };
}
