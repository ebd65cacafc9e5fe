/**
 * How the ROI table shows a shape's plane and size: Z, T and C 1-based (as OMERO shows them; the
 * API is 0-based) or "all" for a shape on every plane of that axis, and the length of a line or
 * polyline or the area of a closed shape in the image's physical unit, or in pixels when the
 * image is not calibrated (the server measures the same way, see core's toShapeDto).
 */
import { shapeArea, shapeLength, type ImageDto, type PixelSize, type ShapeGeometry } from "@fovea/model";

/** The pixel size geometry is measured with, and its unit. */
export interface Calibration {
  readonly size: PixelSize;
  /** The length unit, e.g. "µm", or "px" when the image has no pixel size. */
  readonly unit: string;
}

/** Both axes calibrated, or pixels: one calibrated axis alone would mix units. */
export function calibrationOf(image: Pick<ImageDto, "physicalSizeX" | "physicalSizeY" | "physicalSizeUnit">): Calibration {
  const { physicalSizeX: x, physicalSizeY: y } = image;
  if (x === null || y === null) return { size: {}, unit: "px" };
  return { size: { x, y }, unit: image.physicalSizeUnit || "µm" };
}

/** A shape's length or area, as a number and as shown. */
export interface Measure {
  readonly quantity: "length" | "area";
  readonly value: number;
  /** e.g. "3.42 µm", "12.50 µm²", "40.00 px". */
  readonly text: string;
}

const NUMBER = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A quantity with two decimals and its unit, squared for areas. */
export function formatQuantity(value: number, unit: string, squared: boolean): string {
  return `${NUMBER.format(value)} ${unit}${squared ? "²" : ""}`;
}

/** Length (lines, polylines) or area (rectangles, ellipses, polygons); undefined for points and labels. */
export function measureOf(shape: ShapeGeometry, cal: Calibration): Measure | undefined {
  const length = shapeLength(shape, cal.size);
  if (length !== undefined) return { quantity: "length", value: length, text: formatQuantity(length, cal.unit, false) };
  const area = shapeArea(shape, cal.size);
  if (area !== undefined) return { quantity: "area", value: area, text: formatQuantity(area, cal.unit, true) };
  return undefined;
}

/** A 0-based plane index shown 1-based, or "all" when the shape is on every plane. */
export function planeLabel(index: number | undefined): string {
  return index === undefined ? "all" : String(index + 1);
}

/** A channel shown 1-based with its name, e.g. "4 · CY5", or "all". */
export function channelLabel(c: number | undefined, channels: ImageDto["channels"]): string {
  if (c === undefined) return "all";
  const name = channels.find((ch) => ch.index === c)?.name;
  return name ? `${c + 1} · ${name}` : String(c + 1);
}
