/**
 * The range a channel's window sliders span: the channel's measured min/max (stored at import),
 * widened to hold its default window, falling back to the pixel type's range when the import
 * measured nothing.
 */
import type { ChannelDto, PixelType } from "@fovea/model";

export interface ChannelBounds {
  min: number;
  max: number;
  /** Slider step: 1 for integer pixels, a thousandth of the range for floating-point ones. */
  step: number;
}

const TYPE_RANGES: Record<PixelType, readonly [number, number]> = {
  uint8: [0, 255],
  int8: [-128, 127],
  uint16: [0, 65535],
  int16: [-32768, 32767],
  uint32: [0, 4294967295],
  int32: [-2147483648, 2147483647],
  // Floating-point data has no natural range; [0, 1] is the common convention for normalised images.
  float32: [0, 1],
  float64: [0, 1],
};

export function isIntegerPixelType(type: PixelType): boolean {
  return type !== "float32" && type !== "float64";
}

export function channelBounds(ch: Pick<ChannelDto, "min" | "max" | "windowStart" | "windowEnd">, type: PixelType): ChannelBounds {
  const [typeMin, typeMax] = TYPE_RANGES[type];
  let min = Math.min(ch.min ?? typeMin, ch.windowStart ?? Infinity);
  let max = Math.max(ch.max ?? typeMax, ch.windowEnd ?? -Infinity);
  const integer = isIntegerPixelType(type);
  if (integer) {
    min = Math.floor(min);
    max = Math.ceil(max);
  }
  // A constant channel (min = max) still needs a non-empty window.
  if (max <= min) max = min + (integer ? 1 : 1e-3);
  return { min, max, step: integer ? 1 : (max - min) / 1000 };
}
