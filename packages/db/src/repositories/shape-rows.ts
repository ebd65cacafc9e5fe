/**
 * Shapes are stored as their common fields in columns plus the kind's geometry as JSON, so a new
 * shape kind needs no migration. A Label's text lives in the `text` column like any shape's.
 */
import type { Insertable } from "kysely";
import type { ShapeInput } from "@fovea/model";
import type { ShapeRecord } from "@fovea/core";
import type { ShapeRow, ShapesTable } from "../schema.ts";

/** Every column but the ids. */
export function toShapeColumns(shape: ShapeInput): Omit<Insertable<ShapesTable>, "id" | "roi_id"> {
  const { kind, z, t, c, text, strokeColor, strokeWidth, fillColor, ...geometry } = shape;
  return {
    kind,
    geometry: JSON.stringify(geometry),
    z: z ?? null,
    t: t ?? null,
    c: c ?? null,
    text: text ?? null,
    stroke_color: strokeColor ?? null,
    stroke_width: strokeWidth ?? null,
    fill_color: fillColor ?? null,
  };
}

/** The row of a new shape of ROI `roiId`. */
export function toShapeRow(roiId: number, shape: ShapeInput): Insertable<ShapesTable> {
  return { roi_id: roiId, ...toShapeColumns(shape) };
}

/** The geometry spread with its kind, plus the common fields (null when absent). */
export function toShapeRecord(row: ShapeRow): ShapeRecord {
  const geometry = JSON.parse(row.geometry) as Record<string, unknown>;
  const record = {
    kind: row.kind,
    ...geometry,
    id: row.id,
    roiId: row.roi_id,
    z: row.z,
    t: row.t,
    c: row.c,
    text: row.text,
    strokeColor: row.stroke_color,
    strokeWidth: row.stroke_width,
    fillColor: row.fill_color,
  };
  // Rows are written only by toShapeRow from validated ShapeInputs, so kind and geometry agree.
  return record as unknown as ShapeRecord;
}
