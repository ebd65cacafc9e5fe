/**
 * ROI shapes (SPEC §2): the input form used by files, the CLI and the API, a validator that names
 * every offending field, and the geometry (length, area) in pixels or physical units.
 * Coordinates are in full-resolution pixels, origin at the top-left pixel's corner.
 */
import type { FieldIssue } from "./errors.ts";
import { LIMITS } from "./limits.ts";

export const SHAPE_KINDS = ["Line", "Polyline", "Rectangle", "Ellipse", "Polygon", "Point", "Label"] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

export type Point2 = readonly [number, number];

interface ShapeCommon {
  /** 0-based plane indices; absent means every plane of that axis. */
  readonly z?: number;
  readonly t?: number;
  readonly c?: number;
  readonly text?: string;
  /** CSS-style `#RRGGBB` or `#RRGGBBAA`. */
  readonly strokeColor?: string;
  readonly strokeWidth?: number;
  readonly fillColor?: string;
}

export type ShapeGeometry =
  | { readonly kind: "Line"; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
  | { readonly kind: "Polyline" | "Polygon"; readonly points: readonly Point2[] }
  | { readonly kind: "Rectangle"; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly kind: "Ellipse"; readonly x: number; readonly y: number; readonly radiusX: number; readonly radiusY: number }
  | { readonly kind: "Point"; readonly x: number; readonly y: number }
  | { readonly kind: "Label"; readonly x: number; readonly y: number; readonly text: string };

export type ShapeInput = ShapeGeometry & ShapeCommon;

export interface RoiInput {
  readonly name?: string;
  readonly description?: string;
  readonly shapes: readonly ShapeInput[];
}

const GEOMETRY_FIELDS: Record<ShapeKind, readonly string[]> = {
  Line: ["x1", "y1", "x2", "y2"],
  Polyline: ["points"],
  Polygon: ["points"],
  Rectangle: ["x", "y", "width", "height"],
  Ellipse: ["x", "y", "radiusX", "radiusY"],
  Point: ["x", "y"],
  Label: ["x", "y", "text"],
};
const COMMON_FIELDS = ["kind", "z", "t", "c", "text", "strokeColor", "strokeWidth", "fillColor"];
const MIN_POINTS: Record<"Polyline" | "Polygon", number> = { Polyline: 2, Polygon: 3 };
const COLOR_RE = /^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkFinite(v: unknown, field: string, issues: FieldIssue[]): void {
  if (typeof v !== "number") issues.push({ field, message: "must be a number" });
  else if (!Number.isFinite(v)) issues.push({ field, message: "must be a finite number" });
}

function checkNonNegative(v: unknown, field: string, issues: FieldIssue[]): void {
  const before = issues.length;
  checkFinite(v, field, issues);
  if (issues.length === before && (v as number) < 0) issues.push({ field, message: "must not be negative" });
}

function checkPlaneIndex(v: unknown, field: string, issues: FieldIssue[]): void {
  if (v === undefined || v === null) return;
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
    issues.push({ field, message: "must be a whole number ≥ 0 (0-based plane index)" });
  }
}

function checkPoints(v: unknown, kind: "Polyline" | "Polygon", field: string, issues: FieldIssue[]): void {
  if (!Array.isArray(v)) {
    issues.push({ field, message: "must be an array of [x, y] pairs" });
    return;
  }
  if (v.length < MIN_POINTS[kind]) {
    issues.push({ field, message: `a ${kind} needs at least ${MIN_POINTS[kind]} points (got ${v.length})` });
  }
  if (v.length > LIMITS.POINTS_PER_SHAPE_MAX) {
    issues.push({ field, message: `at most ${LIMITS.POINTS_PER_SHAPE_MAX} points` });
    return;
  }
  v.forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) issues.push({ field: `${field}[${i}]`, message: "must be an [x, y] pair" });
    else {
      checkFinite(p[0], `${field}[${i}][0]`, issues);
      checkFinite(p[1], `${field}[${i}][1]`, issues);
    }
  });
}

function checkGeometry(s: Record<string, unknown>, kind: ShapeKind, at: string, issues: FieldIssue[]): void {
  switch (kind) {
    case "Line":
      for (const f of ["x1", "y1", "x2", "y2"]) checkFinite(s[f], `${at}.${f}`, issues);
      break;
    case "Polyline":
    case "Polygon":
      checkPoints(s.points, kind, `${at}.points`, issues);
      break;
    case "Rectangle":
      checkFinite(s.x, `${at}.x`, issues);
      checkFinite(s.y, `${at}.y`, issues);
      checkNonNegative(s.width, `${at}.width`, issues);
      checkNonNegative(s.height, `${at}.height`, issues);
      break;
    case "Ellipse":
      checkFinite(s.x, `${at}.x`, issues);
      checkFinite(s.y, `${at}.y`, issues);
      checkNonNegative(s.radiusX, `${at}.radiusX`, issues);
      checkNonNegative(s.radiusY, `${at}.radiusY`, issues);
      break;
    case "Point":
    case "Label":
      checkFinite(s.x, `${at}.x`, issues);
      checkFinite(s.y, `${at}.y`, issues);
      if (kind === "Label" && (typeof s.text !== "string" || s.text.length === 0)) {
        issues.push({ field: `${at}.text`, message: "a Label needs a non-empty text" });
      }
      break;
  }
}

/** Validates one shape; `at` is the path prefix used in the issues (e.g. `shapes[2]`). */
export function validateShape(input: unknown, at = "shape"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isRecord(input)) return [{ field: at, message: "must be an object" }];
  const kind = input.kind;
  if (typeof kind !== "string" || !(SHAPE_KINDS as readonly string[]).includes(kind)) {
    return [{ field: `${at}.kind`, message: `must be one of ${SHAPE_KINDS.join(", ")}` }];
  }
  const k = kind as ShapeKind;
  const allowed = new Set([...COMMON_FIELDS, ...GEOMETRY_FIELDS[k]]);
  for (const key of Object.keys(input)) {
    if (!allowed.has(key)) issues.push({ field: `${at}.${key}`, message: `unknown field for a ${k}` });
  }
  checkGeometry(input, k, at, issues);
  for (const axis of ["z", "t", "c"]) checkPlaneIndex(input[axis], `${at}.${axis}`, issues);
  if (input.text !== undefined && (typeof input.text !== "string" || input.text.length > LIMITS.TEXT_MAX)) {
    issues.push({ field: `${at}.text`, message: `must be a string of at most ${LIMITS.TEXT_MAX} characters` });
  }
  for (const f of ["strokeColor", "fillColor"]) {
    const v = input[f];
    if (v !== undefined && (typeof v !== "string" || !COLOR_RE.test(v))) {
      issues.push({ field: `${at}.${f}`, message: "must be a colour #RRGGBB or #RRGGBBAA" });
    }
  }
  if (input.strokeWidth !== undefined) checkNonNegative(input.strokeWidth, `${at}.strokeWidth`, issues);
  return issues;
}

/** Validates an ROI (name, description, shapes). An ROI needs at least one shape. */
export function validateRoi(input: unknown, at = "roi"): FieldIssue[] {
  if (!isRecord(input)) return [{ field: at, message: "must be an object with a shapes array" }];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(input)) {
    if (!["name", "description", "shapes"].includes(key)) issues.push({ field: `${at}.${key}`, message: "unknown field" });
  }
  if (input.name !== undefined && (typeof input.name !== "string" || input.name.length > LIMITS.NAME_MAX)) {
    issues.push({ field: `${at}.name`, message: `must be a string of at most ${LIMITS.NAME_MAX} characters` });
  }
  if (input.description !== undefined && (typeof input.description !== "string" || input.description.length > LIMITS.DESCRIPTION_MAX)) {
    issues.push({ field: `${at}.description`, message: `must be a string of at most ${LIMITS.DESCRIPTION_MAX} characters` });
  }
  const shapes = input.shapes;
  if (!Array.isArray(shapes) || shapes.length === 0) {
    issues.push({ field: `${at}.shapes`, message: "must be a non-empty array of shapes" });
    return issues;
  }
  if (shapes.length > LIMITS.SHAPES_PER_ROI_MAX) {
    issues.push({ field: `${at}.shapes`, message: `at most ${LIMITS.SHAPES_PER_ROI_MAX} shapes per ROI` });
    return issues;
  }
  shapes.forEach((s, i) => issues.push(...validateShape(s, `${at}.shapes[${i}]`)));
  return issues;
}

/** Physical pixel size used for geometry; absent axes count as 1 (pixels). */
export interface PixelSize {
  readonly x?: number | undefined;
  readonly y?: number | undefined;
}

function segmentLength(a: Point2, b: Point2, px: number, py: number): number {
  return Math.hypot((b[0] - a[0]) * px, (b[1] - a[1]) * py);
}

/** Length of a Line or Polyline (sum of segments), physical sizes applied per axis; undefined for other kinds. */
export function shapeLength(shape: ShapeGeometry, size: PixelSize = {}): number | undefined {
  const px = size.x ?? 1;
  const py = size.y ?? 1;
  if (shape.kind === "Line") return segmentLength([shape.x1, shape.y1], [shape.x2, shape.y2], px, py);
  if (shape.kind === "Polyline") {
    let sum = 0;
    for (let i = 1; i < shape.points.length; i++) sum += segmentLength(shape.points[i - 1]!, shape.points[i]!, px, py);
    return sum;
  }
  return undefined;
}

/** Area of a Rectangle, Ellipse or Polygon (shoelace), times the pixel area; undefined for other kinds. */
export function shapeArea(shape: ShapeGeometry, size: PixelSize = {}): number | undefined {
  const pixelArea = (size.x ?? 1) * (size.y ?? 1);
  if (shape.kind === "Rectangle") return shape.width * shape.height * pixelArea;
  if (shape.kind === "Ellipse") return Math.PI * shape.radiusX * shape.radiusY * pixelArea;
  if (shape.kind === "Polygon") {
    let twice = 0;
    const pts = shape.points;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i]!;
      const b = pts[(i + 1) % pts.length]!;
      twice += a[0] * b[1] - b[0] * a[1];
    }
    return (Math.abs(twice) / 2) * pixelArea;
  }
  return undefined;
}
