import { describe, expect, it } from "vitest";
import Polygon from "ol/geom/Polygon.js";
import type { ShapeInput } from "@fovea/model";
import { readBack, reshapeAfterModify } from "./shape-edit.ts";
import { ellipseVertex, shapeToGeometry } from "./shape-geometry.ts";
import { toMap } from "../coords.ts";

/** The polygon of `shape` with vertex `i` of its outer ring moved to image point `to`. */
function dragVertex(shape: ShapeInput, i: number, to: [number, number]): Polygon {
  const ring = (shapeToGeometry(shape) as Polygon).getCoordinates()[0]!;
  ring[i] = toMap(to);
  if (i === 0) ring[ring.length - 1] = toMap(to);
  return new Polygon([ring]);
}

describe("editing shapes on the map", () => {
  it("keeps plane, text and style when a shape is moved", () => {
    const line: ShapeInput = { kind: "Line", x1: 0, y1: 0, x2: 10, y2: 0, z: 2, t: 1, c: 3, strokeColor: "#ff0000" };
    const g = shapeToGeometry(line);
    g.translate(5, -5);
    expect(readBack(line, g)).toEqual({ kind: "Line", x1: 5, y1: 5, x2: 15, y2: 5, z: 2, t: 1, c: 3, strokeColor: "#ff0000" });
  });

  it("moves a label and keeps its text", () => {
    const label: ShapeInput = { kind: "Label", x: 1, y: 2, text: "nucleus", z: 0 };
    const g = shapeToGeometry(label);
    g.translate(1, -1);
    expect(readBack(label, g)).toEqual({ kind: "Label", x: 2, y: 3, text: "nucleus", z: 0 });
  });

  it("resizes a rectangle from the dragged corner, the opposite corner fixed", () => {
    const rect: ShapeInput = { kind: "Rectangle", x: 10, y: 10, width: 20, height: 10, z: 0 };
    // Vertex 2 is the bottom-right corner (30, 20); drag it inwards to (25, 15).
    expect(reshapeAfterModify(rect, dragVertex(rect, 2, [25, 15]))).toEqual({ kind: "Rectangle", x: 10, y: 10, width: 15, height: 5, z: 0 });
    // Dragging the top-left corner past the bottom-right one flips the box but keeps it a rectangle.
    expect(reshapeAfterModify(rect, dragVertex(rect, 0, [40, 30]))).toEqual({ kind: "Rectangle", x: 30, y: 20, width: 10, height: 10, z: 0 });
  });

  it("resizes an ellipse about its centre from the dragged vertex", () => {
    const ellipse: ShapeInput = { kind: "Ellipse", x: 50, y: 50, radiusX: 20, radiusY: 10 };
    // Vertex 0 lies on the +x axis: only radiusX follows it.
    expect(reshapeAfterModify(ellipse, dragVertex(ellipse, 0, [80, 50]))).toEqual({ kind: "Ellipse", x: 50, y: 50, radiusX: 30, radiusY: 10 });
    // Vertex 8 (45°) moved outward by a factor 2 doubles both radii.
    const [vx, vy] = ellipseVertex(50, 50, 20, 10, 8);
    const grown = reshapeAfterModify(ellipse, dragVertex(ellipse, 8, [50 + 2 * (vx - 50), 50 + 2 * (vy - 50)]));
    expect(grown.kind).toBe("Ellipse");
    if (grown.kind !== "Ellipse") return;
    expect(grown.radiusX).toBeCloseTo(40, 9);
    expect(grown.radiusY).toBeCloseTo(20, 9);
    expect([grown.x, grown.y]).toEqual([50, 50]);
  });

  it("takes a polygon's edited vertices as they are", () => {
    const poly: ShapeInput = { kind: "Polygon", points: [[0, 0], [10, 0], [10, 10]] };
    expect(reshapeAfterModify(poly, dragVertex(poly, 1, [20, 0]))).toEqual({ kind: "Polygon", points: [[0, 0], [20, 0], [10, 10]] });
  });
});
