/**
 * The ImageJ ImageDescription (`ImageJ=1.53c\nimages=34\nchannels=2\nslices=17\n…`): hyperstack
 * sizes, the calibration unit, Z spacing, frame interval and display range. Pages of a hyperstack
 * are ordered C, Z, T with C fastest.
 */
import { toMicrons, toSeconds } from "./units.ts";

/** What an ImageJ description says about the stack. */
export interface ImageJMeta {
  /** Number of images (pages) in the stack, when written (ImageJ omits it for one image). */
  readonly images?: number | undefined;
  readonly channels: number;
  readonly slices: number;
  readonly frames: number;
  /** The calibration unit as written (`micron`, `\u00B5m`, `um`, or blank/`pixel` when uncalibrated). */
  readonly unit?: string | undefined;
  /** Z spacing in micrometres (converted from `unit`). */
  readonly spacing?: number | undefined;
  /** Seconds between frames. */
  readonly frameInterval?: number | undefined;
  /** Display range, e.g. `min=0.0 max=63704.0`. */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** ImageJ writes its description starting with `ImageJ=<version>`. */
export function isImageJDescription(description: string | undefined): description is string {
  return description !== undefined && description.startsWith("ImageJ=");
}

function positiveInt(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function finite(v: string | undefined): number | undefined {
  const n = Number(v);
  return v !== undefined && v.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

/** Parses the `key=value` lines; absent sizes are 1, unusable values undefined. */
export function parseImageJDescription(description: string): ImageJMeta {
  const kv = new Map<string, string>();
  for (const line of description.split(/\r?\n/)) {
    const eq = line.indexOf("=");
    if (eq > 0) kv.set(line.slice(0, eq).trim(), line.slice(eq + 1));
  }
  const channels = positiveInt(kv.get("channels")) ?? 1;
  const slices = positiveInt(kv.get("slices")) ?? 1;
  const frames = positiveInt(kv.get("frames")) ?? 1;
  const unit = kv.get("unit")?.trim() || undefined;
  return {
    images: positiveInt(kv.get("images")),
    channels, slices, frames, unit,
    spacing: unit === undefined ? undefined : toMicrons(finite(kv.get("spacing")), unit),
    // ImageJ writes `tunit` only when the time unit is not seconds.
    frameInterval: toSeconds(finite(kv.get("finterval")), kv.get("tunit")?.trim() || "s"),
    min: finite(kv.get("min")),
    max: finite(kv.get("max")),
  };
}

/**
 * Pixel size from a TIFF resolution tag (pixels per unit) in ImageJ's calibration unit, or
 * undefined when uncalibrated. geotiff returns RATIONAL values as [numerator, denominator].
 */
export function imageJPixelSize(resolution: ArrayLike<number> | undefined, unit: string | undefined): number | undefined {
  if (!resolution || unit === undefined || resolution.length < 2) return undefined;
  const perUnit = Number(resolution[0]) / Number(resolution[1]);
  return Number.isFinite(perUnit) && perUnit > 0 ? toMicrons(1 / perUnit, unit) : undefined;
}
