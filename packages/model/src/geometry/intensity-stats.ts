/** Intensity statistics of a shape's pixels in one plane (SCRIPTS.md §2: raw stored values). */
import type { PixelSpans } from "./pixel-spans.ts";
import type { PlaneWindow } from "./path-sampling.ts";

export interface IntensityStats {
  readonly count: number;
  /** null when count is 0. */
  readonly min: number | null;
  readonly max: number | null;
  readonly sum: number;
  readonly mean: number | null;
  /** Population standard deviation (divides by count). */
  readonly std: number | null;
}

/**
 * Statistics of the pixels `pixels` (image coordinates) read from `win`, which must cover them.
 * Two passes (mean, then squared deviations from it) keep the standard deviation accurate for
 * large values with a small spread, where Σx² − n·mean² would cancel.
 */
export function intensityStats(pixels: PixelSpans, win: PlaneWindow): IntensityStats {
  if (pixels.count === 0) return { count: 0, min: null, max: null, sum: 0, mean: null, std: null };
  const s = pixels.spans;
  const d = win.data;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < s.length; i += 3) {
    const row = (s[i]! - win.y0) * win.width - win.x0;
    for (let x = s[i + 1]!; x < s[i + 2]!; x++) {
      const v = d[row + x]!;
      if (v < min) min = v;
      if (v > max) max = v;
      sum += v;
    }
  }
  const mean = sum / pixels.count;
  let sq = 0;
  for (let i = 0; i < s.length; i += 3) {
    const row = (s[i]! - win.y0) * win.width - win.x0;
    for (let x = s[i + 1]!; x < s[i + 2]!; x++) {
      const dev = d[row + x]! - mean;
      sq += dev * dev;
    }
  }
  return { count: pixels.count, min, max, sum, mean, std: Math.sqrt(sq / pixels.count) };
}
