/**
 * What the Batch ROI Export browser test knows about the CSV, written from SCRIPTS.md §3 rather
 * than from the script: the exact column list, and the checks of one export of Line shapes made
 * on the calibrated siRNA-HeLa stacks (one row per line and channel, lengths in µm).
 */
import assert from "node:assert/strict";
import type { ImageDto, ShapeDto } from "@fovea/model";

/** SCRIPTS.md §3's columns, in order, for calibrated images and `Include_Points_Coords` (its default). */
export const EXPORT_HEADER = [
  "image_id", "image_name", "roi_id", "shape_id", "type", "text", "z", "t", "channel", "area (µm)", "length (µm)",
  "points", "min", "max", "sum", "mean", "std_dev", "X", "Y", "Width", "Height", "RadiusX", "RadiusY", "X1", "Y1", "X2", "Y2",
  "Points",
] as const;

/** A Line as the API lists it: the shape's fields plus its end points. */
export type StoredLine = ShapeDto & { x1: number; y1: number; x2: number; y2: number };

/** One line the test expects in the export, with the image it lies on. */
export interface ExpectedLine {
  readonly image: ImageDto;
  readonly shape: StoredLine;
}

export function asLine(shape: ShapeDto): StoredLine {
  const s = shape as ShapeDto & Record<string, unknown>;
  assert.equal(s.kind, "Line");
  for (const k of ["x1", "y1", "x2", "y2"]) assert.equal(typeof s[k], "number", `the line has ${k}`);
  return s as StoredLine;
}

const near = (actual: string, expected: number, what: string): void => {
  const value = Number(actual);
  assert.ok(actual.trim() !== "" && Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual}, expected ${expected}`);
};

/**
 * Checks the parsed CSV (header row first): the header, one row per line and channel with each
 * channel once per shape, the line's identity, planes and end points, its length as
 * hypot(Δx, Δy) · the pixel size, a blank area, and statistics that hold together.
 */
export function checkLineExport(rows: readonly (readonly string[])[], lines: readonly ExpectedLine[], channels: readonly string[]): void {
  const [header, ...body] = rows;
  assert.deepEqual(header, [...EXPORT_HEADER], "the header is SCRIPTS.md's column list");
  assert.equal(body.length, lines.length * channels.length, `one row per line and channel (${lines.length} × ${channels.length})`);
  const col = (row: readonly string[], name: (typeof EXPORT_HEADER)[number]): string => row[EXPORT_HEADER.indexOf(name)] ?? "";
  for (const row of body) assert.equal(row.length, EXPORT_HEADER.length, `every row has ${EXPORT_HEADER.length} cells`);
  for (const { image, shape } of lines) {
    const mine = body.filter((row) => col(row, "shape_id") === String(shape.id));
    assert.deepEqual(mine.map((row) => col(row, "channel")).sort(), [...channels].sort(), `shape ${shape.id}: each channel once`);
    const pixelSize = image.physicalSizeX;
    assert.ok(pixelSize !== null && pixelSize === image.physicalSizeY, `${image.name} is calibrated, square pixels`);
    const length = Math.hypot(shape.x2 - shape.x1, shape.y2 - shape.y1) * pixelSize;
    for (const row of mine) {
      const what = `shape ${shape.id}, ${col(row, "channel")}`;
      assert.deepEqual(
        [col(row, "image_id"), col(row, "image_name"), col(row, "roi_id"), col(row, "type"), col(row, "text")],
        [String(image.id), image.name, String(shape.roiId), "line", shape.text ?? ""], what,
      );
      // 1-based in the CSV, as OMERO shows them; 0-based in the API.
      assert.deepEqual([col(row, "z"), col(row, "t")], [String((shape.z ?? -1) + 1), String((shape.t ?? -1) + 1)], `${what}: z, t`);
      near(col(row, "length (µm)"), length, `${what}: length`);
      assert.equal(col(row, "area (µm)"), "", `${what}: a line has no area`);
      near(col(row, "X1"), shape.x1, `${what}: X1`);
      near(col(row, "Y1"), shape.y1, `${what}: Y1`);
      near(col(row, "X2"), shape.x2, `${what}: X2`);
      near(col(row, "Y2"), shape.y2, `${what}: Y2`);
      for (const blank of ["X", "Y", "Width", "Height", "RadiusX", "RadiusY", "Points"] as const) assert.equal(col(row, blank), "", `${what}: ${blank} is blank`);
      checkStatistics(row.slice(EXPORT_HEADER.indexOf("points"), EXPORT_HEADER.indexOf("std_dev") + 1), what);
    }
  }
}

/** points, min, max, sum, mean, std_dev of one row: a line over real pixels has all of them, consistent. */
function checkStatistics(cells: readonly string[], what: string): void {
  const [points, min, max, sum, mean, std] = cells.map(Number) as [number, number, number, number, number, number];
  assert.ok(Number.isInteger(points) && points > 0, `${what}: ${points} pixels`);
  assert.ok(min <= mean && mean <= max, `${what}: min ${min} ≤ mean ${mean} ≤ max ${max}`);
  assert.ok(Math.abs(sum - mean * points) <= 1e-6 * Math.max(1, sum), `${what}: sum ${sum} = mean × points`);
  assert.ok(std >= 0 && std <= (max - min) / 2 + 1e-9, `${what}: std_dev ${std} within half the range`);
}
