/**
 * The ground truth of the siRNA-HeLa demo images: what tests and script checks compare pixels and
 * script outputs against. Plain immutable data, in the coordinates of SCRIPTS.md §2.
 */

/**
 * A point in an image stack: x and y in pixel units of SCRIPTS.md §2 (pixel i spans [i, i+1), so
 * the brightest pixel of a spot at x = 10.3 is pixel 10), z in plane indices (z = 4 is focused on
 * plane 4; fractional values lie between planes).
 */
export type StackPoint = readonly [x: number, y: number, z: number];

/** One nucleus as an ellipse: the DAPI boundary is where ((u/rx)² + (v/ry)²) = 1. */
export interface NucleusTruth {
  readonly x: number;
  readonly y: number;
  /** Semi-axis along the direction `angle`, in pixels (the longer one). */
  readonly rx: number;
  readonly ry: number;
  /** Radians from +x toward +y (clockwise on screen, as y points down), in [0, π). */
  readonly angle: number;
}

/** Two sister centromeres (CY5 channel). */
export interface CentromerePairTruth {
  /** Index into `nuclei` of the nucleus holding the pair. */
  readonly nucleus: number;
  readonly a: StackPoint;
  readonly b: StackPoint;
  /** |a − b| with the physical pixel sizes applied per axis (X, Y and Z), in µm. */
  readonly distanceUm: number;
}

export interface SiRnaHelaTruth {
  /** Position of the image in `readers`. */
  readonly imageIndex: number;
  readonly nuclei: readonly NucleusTruth[];
  readonly centromerePairs: readonly CentromerePairTruth[];
  /** Centres of the cytoplasmic spots (TRITC channel). */
  readonly spots: readonly StackPoint[];
}
