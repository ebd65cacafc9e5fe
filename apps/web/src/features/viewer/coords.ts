/**
 * The viewer's one coordinate convention. OpenLayers' y axis points up; image pixels' y axis
 * points down (SPEC §2: origin at the top-left pixel's corner, x right, y down, full-resolution
 * pixels). The map's units are full-resolution pixels and its coordinate of image point (x, y)
 * is (x, −y), so the image covers the extent [0, −sizeY, sizeX, 0].
 */
import type { Extent } from "ol/extent";

export type ImagePoint = readonly [x: number, y: number];

export function toMap([x, y]: ImagePoint): [number, number] {
  return [x, -y];
}

export function toImage([mx, my]: readonly number[]): [number, number] {
  return [mx!, -my!];
}

export function imageExtent(sizeX: number, sizeY: number): Extent {
  return [0, -sizeY, sizeX, 0];
}
