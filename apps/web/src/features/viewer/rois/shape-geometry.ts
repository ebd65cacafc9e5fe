/**
 * The model's shape geometry (image pixels, y down) ↔ OpenLayers geometries (map units, y up; see
 * ../coords.ts). Lines and polylines are `LineString`s, rectangles, ellipses and polygons are
 * `Polygon`s, points and labels are `Point`s. OpenLayers has no ellipse, so an ellipse is drawn as
 * a polygon of ELLIPSE_VERTICES points; its exact centre and radii live in the shape, and reading a
 * ring back takes them from the ring's bounding box, which the approximation touches exactly
 * (vertex 0, N/4, N/2 and 3N/4 sit on the axes), so a round trip or a translation keeps them.
 */
import type Geometry from "ol/geom/Geometry.js";
import LineString from "ol/geom/LineString.js";
import Point from "ol/geom/Point.js";
import Polygon from "ol/geom/Polygon.js";
import type { Point2, ShapeGeometry, ShapeKind } from "@fovea/model";
import { toImage, toMap } from "../coords.ts";

/** Vertices of an ellipse's polygon; a multiple of 4 so that the axis extremes are vertices. */
export const ELLIPSE_VERTICES = 64;

/** A kind drawn by a tool: every kind except Label, which carries text no tool asks for. */
export type DrawnKind = Exclude<ShapeKind, "Label">;

/** Vertex `i` of an ellipse's polygon, in image pixels: angle 2πi/N from the +x axis. */
export function ellipseVertex(cx: number, cy: number, rx: number, ry: number, i: number): [number, number] {
  const angle = (2 * Math.PI * i) / ELLIPSE_VERTICES;
  return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
}

/** The closed ring of an ellipse in image pixels (first vertex repeated at the end, as OpenLayers wants). */
export function ellipseRing(cx: number, cy: number, rx: number, ry: number): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i < ELLIPSE_VERTICES; i++) ring.push(ellipseVertex(cx, cy, rx, ry, i));
  ring.push(ring[0]!);
  return ring;
}

/** Image pixels of a map coordinate; `+ 0` turns the −0 of negating a 0 into a plain 0. */
export function pixelOf(coordinate: readonly number[]): [number, number] {
  const [x, y] = toImage(coordinate);
  return [x + 0, y + 0];
}

function closedRing(points: readonly Point2[]): number[][] {
  const ring = points.map((p) => toMap(p));
  if (ring.length > 0) ring.push([...ring[0]!]);
  return ring;
}

/** The map geometry that shows a shape. */
export function shapeToGeometry(shape: ShapeGeometry): LineString | Polygon | Point {
  switch (shape.kind) {
    case "Line":
      return new LineString([toMap([shape.x1, shape.y1]), toMap([shape.x2, shape.y2])]);
    case "Polyline":
      return new LineString(shape.points.map((p) => toMap(p)));
    case "Polygon":
      return new Polygon([closedRing(shape.points)]);
    case "Rectangle": {
      const { x, y, width: w, height: h } = shape;
      return new Polygon([closedRing([[x, y], [x + w, y], [x + w, y + h], [x, y + h]])]);
    }
    case "Ellipse":
      return new Polygon([ellipseRing(shape.x, shape.y, shape.radiusX, shape.radiusY).map((p) => toMap(p))]);
    case "Point":
    case "Label":
      return new Point(toMap([shape.x, shape.y]));
  }
}

/** A polygon's outer ring in image pixels, without the closing repeat of the first vertex. */
export function outerRing(polygon: Polygon): [number, number][] {
  const ring = (polygon.getCoordinates()[0] ?? []).map((c) => pixelOf(c));
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
  return ring;
}

function imageBox(polygon: Polygon): { left: number; top: number; right: number; bottom: number } {
  const [minX, minY, maxX, maxY] = polygon.getExtent();
  return { left: minX!, top: -maxY! + 0, right: maxX!, bottom: -minY! + 0 };
}

const GEOMETRY_TYPES = new Map<abstract new (...args: never[]) => Geometry, string>([[LineString, "LineString"], [Polygon, "Polygon"], [Point, "Point"]]);

/** Narrows `geometry` to `type`, naming both in the error (class names do not survive minifying). */
function expect<T extends Geometry>(geometry: Geometry, type: new (...args: never[]) => T, kind: ShapeKind): T {
  if (!(geometry instanceof type)) throw new Error(`A ${kind} needs a ${GEOMETRY_TYPES.get(type) ?? "different"} geometry, not a ${geometry.getType()}`);
  return geometry;
}

/** Reads a map geometry back as a shape of `kind` (rectangles and ellipses from the bounding box). */
export function geometryToShape(kind: DrawnKind, geometry: Geometry): Exclude<ShapeGeometry, { kind: "Label" }> {
  switch (kind) {
    case "Line": {
      const coords = expect(geometry, LineString, kind).getCoordinates();
      const [x1, y1] = pixelOf(coords[0] ?? [0, 0]);
      const [x2, y2] = pixelOf(coords[coords.length - 1] ?? [0, 0]);
      return { kind, x1, y1, x2, y2 };
    }
    case "Polyline":
      return { kind, points: expect(geometry, LineString, kind).getCoordinates().map((c) => pixelOf(c)) };
    case "Polygon":
      return { kind, points: outerRing(expect(geometry, Polygon, kind)) };
    case "Rectangle": {
      const b = imageBox(expect(geometry, Polygon, kind));
      return { kind, x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top };
    }
    case "Ellipse": {
      const b = imageBox(expect(geometry, Polygon, kind));
      return { kind, x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2, radiusX: (b.right - b.left) / 2, radiusY: (b.bottom - b.top) / 2 };
    }
    case "Point": {
      const [x, y] = pixelOf(expect(geometry, Point, kind).getCoordinates());
      return { kind, x, y };
    }
  }
}
