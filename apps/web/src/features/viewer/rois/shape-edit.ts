/**
 * What an edit on the map does to a shape. A translation just reads the moved geometry back. A
 * vertex drag (OpenLayers' Modify) moves one vertex of the drawn polygon, which would turn a
 * rectangle into a quadrilateral and an ellipse into a blob; instead the dragged vertex resizes
 * the shape: a rectangle's corner moves with the opposite corner fixed, and an ellipse keeps its
 * centre and axes while the dragged vertex follows the pointer.
 */
import type Geometry from "ol/geom/Geometry.js";
import Point from "ol/geom/Point.js";
import Polygon from "ol/geom/Polygon.js";
import type { ShapeGeometry, ShapeInput } from "@fovea/model";
import { ELLIPSE_VERTICES, geometryToShape, outerRing, pixelOf, shapeToGeometry } from "./shape-geometry.ts";

type ShapeExtras = Pick<ShapeInput, "z" | "t" | "c" | "text" | "strokeColor" | "strokeWidth" | "fillColor">;
const EXTRA_FIELDS = ["z", "t", "c", "text", "strokeColor", "strokeWidth", "fillColor"] as const;

/** The plane, text and style of a shape, without its geometry. */
function extrasOf(shape: ShapeInput): ShapeExtras {
  const extras: Record<string, unknown> = {};
  for (const f of EXTRA_FIELDS) if (shape[f] !== undefined) extras[f] = shape[f];
  return extras as ShapeExtras;
}

/** The shape with a new geometry, keeping its plane, text and style. */
export function withGeometry(shape: ShapeInput, geometry: ShapeGeometry): ShapeInput {
  return { ...extrasOf(shape), ...geometry } as ShapeInput;
}

/** The shape moved or edited to `geometry` as drawn on the map, read back without interpretation. */
export function readBack(shape: ShapeInput, geometry: Geometry): ShapeInput {
  if (shape.kind === "Label") {
    if (!(geometry instanceof Point)) throw new Error("A Label needs a Point geometry");
    const [x, y] = pixelOf(geometry.getCoordinates());
    return withGeometry(shape, { kind: "Label", x, y, text: shape.text });
  }
  return withGeometry(shape, geometryToShape(shape.kind, geometry));
}

function movedVertex(before: readonly (readonly number[])[], after: readonly (readonly number[])[]): number | undefined {
  // A ring whose closing vertex was not moved with the first one has one extra vertex at the end.
  if (after.length < before.length) return undefined;
  const i = after.slice(0, before.length).findIndex((p, k) => Math.abs(p[0]! - before[k]![0]!) > 1e-9 || Math.abs(p[1]! - before[k]![1]!) > 1e-9);
  return i < 0 ? undefined : i;
}

function resizeRectangle(shape: Extract<ShapeInput, { kind: "Rectangle" }>, after: [number, number][]): ShapeInput {
  const before = outerRing(shapeToGeometry(shape) as Polygon);
  const i = movedVertex(before, after);
  if (i === undefined) return shape;
  const [px, py] = after[i]!;
  const [ox, oy] = before[(i + 2) % 4]!;
  return withGeometry(shape, { kind: "Rectangle", x: Math.min(px, ox), y: Math.min(py, oy), width: Math.abs(px - ox), height: Math.abs(py - oy) });
}

function resizeEllipse(shape: Extract<ShapeInput, { kind: "Ellipse" }>, after: [number, number][]): ShapeInput {
  const before = outerRing(shapeToGeometry(shape) as Polygon);
  const i = movedVertex(before, after);
  if (i === undefined) return shape;
  const [px, py] = after[i]!;
  const angle = (2 * Math.PI * i) / ELLIPSE_VERTICES;
  const cos = Math.abs(Math.cos(angle));
  const sin = Math.abs(Math.sin(angle));
  // A vertex near an axis says nothing about the other radius: that one is kept.
  const radiusX = cos > 1e-6 ? Math.abs(px - shape.x) / cos : shape.radiusX;
  const radiusY = sin > 1e-6 ? Math.abs(py - shape.y) / sin : shape.radiusY;
  return withGeometry(shape, { kind: "Ellipse", x: shape.x, y: shape.y, radiusX, radiusY });
}

/** The shape after OpenLayers' Modify has dragged vertices of its geometry to `geometry`. */
export function reshapeAfterModify(shape: ShapeInput, geometry: Geometry): ShapeInput {
  if ((shape.kind === "Rectangle" || shape.kind === "Ellipse") && geometry instanceof Polygon) {
    const after = outerRing(geometry);
    return shape.kind === "Rectangle" ? resizeRectangle(shape, after) : resizeEllipse(shape, after);
  }
  return readBack(shape, geometry);
}
