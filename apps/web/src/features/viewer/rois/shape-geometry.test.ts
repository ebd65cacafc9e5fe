import { describe, expect, it } from "vitest";
import LineString from "ol/geom/LineString.js";
import Point from "ol/geom/Point.js";
import Polygon from "ol/geom/Polygon.js";
import type { ShapeGeometry } from "@fovea/model";
import { ELLIPSE_VERTICES, geometryToShape, shapeToGeometry, type DrawnKind } from "./shape-geometry.ts";

const DRAWN: Exclude<ShapeGeometry, { kind: "Label" }>[] = [
  { kind: "Line", x1: 10.5, y1: 20, x2: 80, y2: 64.25 },
  { kind: "Polyline", points: [[0, 0], [10, 5], [20, 30]] },
  { kind: "Polygon", points: [[1, 1], [40, 2], [30, 25]] },
  { kind: "Rectangle", x: 5, y: 7, width: 30, height: 12 },
  { kind: "Ellipse", x: 100, y: 80, radiusX: 40, radiusY: 15 },
  { kind: "Point", x: 3.5, y: 9 },
];

describe("shape → OpenLayers geometry", () => {
  it("puts a line's ends at (x, −y)", () => {
    const g = shapeToGeometry({ kind: "Line", x1: 10.5, y1: 20, x2: 80, y2: 64.25 });
    expect(g).toBeInstanceOf(LineString);
    expect((g as LineString).getCoordinates()).toEqual([[10.5, -20], [80, -64.25]]);
  });

  it("draws a polyline through its points and closes a polygon's ring", () => {
    expect((shapeToGeometry({ kind: "Polyline", points: [[0, 1], [2, 3]] }) as LineString).getCoordinates()).toEqual([[0, -1], [2, -3]]);
    const ring = (shapeToGeometry({ kind: "Polygon", points: [[1, 1], [4, 1], [4, 5]] }) as Polygon).getCoordinates()[0];
    expect(ring).toEqual([[1, -1], [4, -1], [4, -5], [1, -1]]);
  });

  it("draws a rectangle as its four corners, top-left first", () => {
    const g = shapeToGeometry({ kind: "Rectangle", x: 5, y: 7, width: 30, height: 12 }) as Polygon;
    expect(g.getCoordinates()[0]).toEqual([[5, -7], [35, -7], [35, -19], [5, -19], [5, -7]]);
    expect(g.getExtent()).toEqual([5, -19, 35, -7]);
  });

  it("approximates an ellipse by a polygon touching its axis extremes", () => {
    const g = shapeToGeometry({ kind: "Ellipse", x: 100, y: 80, radiusX: 40, radiusY: 15 }) as Polygon;
    expect(g.getCoordinates()[0]).toHaveLength(ELLIPSE_VERTICES + 1);
    const [minX, minY, maxX, maxY] = g.getExtent();
    expect([minX, maxX]).toEqual([60, 140]);
    expect(minY).toBeCloseTo(-95, 9);
    expect(maxY).toBeCloseTo(-65, 9);
    // The area of the approximation is within 0.2 % of πab.
    expect(g.getArea() / (Math.PI * 40 * 15)).toBeGreaterThan(0.998);
  });

  it("shows points and labels as points", () => {
    expect((shapeToGeometry({ kind: "Point", x: 3, y: 4 }) as Point).getCoordinates()).toEqual([3, -4]);
    expect((shapeToGeometry({ kind: "Label", x: 3, y: 4, text: "nucleus" }) as Point).getCoordinates()).toEqual([3, -4]);
  });
});

describe("OpenLayers geometry → shape", () => {
  it.each(DRAWN)("reads a $kind back exactly", (shape) => {
    const back = geometryToShape(shape.kind as DrawnKind, shapeToGeometry(shape));
    expect(back.kind).toBe(shape.kind);
    for (const [field, value] of Object.entries(shape)) {
      if (typeof value === "number") expect((back as Record<string, unknown>)[field]).toBeCloseTo(value, 9);
      else expect((back as Record<string, unknown>)[field]).toEqual(value);
    }
  });

  it("reads a drawn box as a rectangle whatever corner the drag started from", () => {
    const drawn = new Polygon([[[40, -10], [40, -30], [10, -30], [10, -10], [40, -10]]]);
    expect(geometryToShape("Rectangle", drawn)).toEqual({ kind: "Rectangle", x: 10, y: 10, width: 30, height: 20 });
  });

  it("keeps a translated ellipse's radii", () => {
    const g = shapeToGeometry({ kind: "Ellipse", x: 50, y: 50, radiusX: 20, radiusY: 10 });
    g.translate(5, -7);
    const moved = geometryToShape("Ellipse", g);
    expect(moved.kind).toBe("Ellipse");
    if (moved.kind !== "Ellipse") return;
    expect(moved.x).toBeCloseTo(55, 9);
    expect(moved.y).toBeCloseTo(57, 9);
    expect(moved.radiusX).toBeCloseTo(20, 9);
    expect(moved.radiusY).toBeCloseTo(10, 9);
  });

  it("drops the closing vertex of a drawn polygon and refuses the wrong geometry type", () => {
    const drawn = new Polygon([[[0, 0], [10, 0], [10, -10], [0, 0]]]);
    expect(geometryToShape("Polygon", drawn)).toEqual({ kind: "Polygon", points: [[0, 0], [10, 0], [10, 10]] });
    expect(() => geometryToShape("Line", new Point([1, 1]))).toThrow(/LineString/);
  });
});
