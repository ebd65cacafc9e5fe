/**
 * The scale bar's length: the largest "round" physical length (1, 2 or 5 × 10^k) that fits in the
 * wanted width, from the physical pixel size and the view's resolution. OpenLayers' ScaleLine
 * knows only map projections' metres; our map units are pixels, so we compute it ourselves.
 */

export interface ScaleBarSpec {
  /** Width of the bar in CSS pixels. */
  widthPx: number;
  /** E.g. "10 µm", "500 nm". */
  label: string;
}

const MICRO_UNITS = new Set(["µm", "μm", "um", "micron", "microns"]);

/**
 * @param physicalPerPixel physical size of one full-resolution image pixel (image.physicalSizeX)
 * @param resolution the view's resolution (image pixels per screen pixel)
 * @param unit the image's physical size unit (µm for most microscopy)
 * @param maxWidthPx the most screen space the bar may take
 */
export function scaleBarFor(physicalPerPixel: number, resolution: number, unit: string, maxWidthPx = 140): ScaleBarSpec | null {
  const perScreenPixel = physicalPerPixel * resolution;
  if (!(perScreenPixel > 0) || !Number.isFinite(perScreenPixel)) return null;
  const length = roundLengthBelow(perScreenPixel * maxWidthPx);
  return { widthPx: length / perScreenPixel, label: formatLength(length, unit) };
}

/** The largest 1, 2 or 5 × 10^k not above `value`. */
export function roundLengthBelow(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = value / power;
  const step = mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1;
  return clean(step * power);
}

function formatLength(length: number, unit: string): string {
  if (MICRO_UNITS.has(unit)) {
    if (length < 1) return `${clean(length * 1000)} nm`;
    if (length >= 1000) return `${clean(length / 1000)} mm`;
    return `${length} µm`;
  }
  return `${length} ${unit}`;
}

/** Drops floating-point noise (0.1 × 1000 = 100.00000000000001). */
function clean(v: number): number {
  return Number(v.toPrecision(6));
}
