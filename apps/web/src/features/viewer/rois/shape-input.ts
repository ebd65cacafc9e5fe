/**
 * Stored shapes (`ShapeDto`: geometry fields plus z/t/c/text/style, absent values as null) as the
 * model's `ShapeInput` (absent values left out), the form the viewer edits and sends back with
 * `PUT /shapes/:id`. The validator refuses nulls in style fields, so they must go.
 */
import type { Point2, ShapeDto, ShapeGeometry, ShapeInput } from "@fovea/model";

function num(v: unknown, field: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`Shape field ${field} is not a number`);
  return v;
}

function points(v: unknown): Point2[] {
  if (!Array.isArray(v)) throw new Error("Shape field points is not an array");
  return v.map((p: unknown, i) => {
    if (!Array.isArray(p)) throw new Error(`Shape field points[${i}] is not a pair`);
    return [num(p[0], `points[${i}][0]`), num(p[1], `points[${i}][1]`)] as const;
  });
}

function geometryOf(dto: ShapeDto): ShapeGeometry {
  const d = dto as unknown as Record<string, unknown>;
  switch (dto.kind) {
    case "Line":
      return { kind: "Line", x1: num(d.x1, "x1"), y1: num(d.y1, "y1"), x2: num(d.x2, "x2"), y2: num(d.y2, "y2") };
    case "Polyline":
    case "Polygon":
      return { kind: dto.kind, points: points(d.points) };
    case "Rectangle":
      return { kind: "Rectangle", x: num(d.x, "x"), y: num(d.y, "y"), width: num(d.width, "width"), height: num(d.height, "height") };
    case "Ellipse":
      return { kind: "Ellipse", x: num(d.x, "x"), y: num(d.y, "y"), radiusX: num(d.radiusX, "radiusX"), radiusY: num(d.radiusY, "radiusY") };
    case "Point":
      return { kind: "Point", x: num(d.x, "x"), y: num(d.y, "y") };
    case "Label":
      return { kind: "Label", x: num(d.x, "x"), y: num(d.y, "y"), text: dto.text ?? "" };
  }
}

/** The editable form of a stored shape. */
export function shapeInputFromDto(dto: ShapeDto): ShapeInput {
  const extras: Record<string, unknown> = {};
  for (const f of ["z", "t", "c", "text", "strokeColor", "strokeWidth", "fillColor"] as const) {
    const v = dto[f];
    if (v !== null && v !== undefined) extras[f] = v;
  }
  return { ...extras, ...geometryOf(dto) } as ShapeInput;
}

/** A canonical text of a shape (keys sorted), so that two shapes compare by value. */
export function shapeSignature(shape: ShapeInput): string {
  return JSON.stringify(shape, Object.keys(shape).sort());
}

/** Equal geometry, plane and style, whatever the key order. */
export function sameShape(a: ShapeInput, b: ShapeInput): boolean {
  return a === b || shapeSignature(a) === shapeSignature(b);
}
