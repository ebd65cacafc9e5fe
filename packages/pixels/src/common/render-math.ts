/**
 * Rendering math: channel planes + per-channel window and colour → 8-bit RGB. Isomorphic (the web
 * viewer renders tiles with the same code), so no Node APIs here.
 *
 * Per channel, a pixel value v gives an intensity q = clamp((v − start) / (end − start), 0, 1)
 * (1 − q when inverted; NaN counts as 0); the output is additive: each RGB component is
 * min(255, round(Σ q · colourComponent)) over the active channels.
 */
import { FoveaError, type FieldIssue } from "@fovea/model";
import type { TypedArray } from "./pixel-types.ts";

/** How one channel is drawn. Immutable plain data; `color` is `RRGGBB`. */
export interface ChannelRender {
  readonly active: boolean;
  readonly color: string;
  readonly start: number;
  readonly end: number;
  readonly inverted?: boolean | undefined;
}

/**
 * Pixels per block: the accumulator stays small (384 KiB) and in cache whatever the plane size.
 * It is float64 so that sums of several channels round to the same byte as the exact formula.
 */
const BLOCK = 16384;

interface PreparedChannel {
  readonly plane: TypedArray;
  readonly weights: readonly [number, number, number];
  /** Intensity per raw value for 8/16-bit integer planes (value − lutOffset indexes it). */
  readonly lut: Float64Array | undefined;
  readonly lutOffset: number;
  readonly scale: number;
  readonly start: number;
  readonly degenerate: boolean;
  readonly inverted: boolean;
}

/** Parses `RRGGBB` (an optional leading `#` is accepted) into 0–255 components. */
export function parseColor(color: string, field = "color"): [number, number, number] {
  const m = /^#?([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(color);
  if (!m) {
    const issue: FieldIssue = { field, message: `colour must be RRGGBB hex, got ${JSON.stringify(color)}` };
    throw new FoveaError("VALIDATION_FAILED", issue.message, { details: [issue] });
  }
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** Intensity of one value, in [0, 1]. Exported for tests and for single-pixel probes in the viewer. */
export function intensity(v: number, ch: Pick<ChannelRender, "start" | "end" | "inverted">): number {
  let q: number;
  // Same expression as the block loop below, so the table and the direct path agree to the bit.
  if (ch.end === ch.start) q = v >= ch.start ? 1 : 0;
  else q = (v - ch.start) * (1 / (ch.end - ch.start));
  q = q > 0 ? (q < 1 ? q : 1) : 0; // NaN fails `q > 0`, so it maps to 0
  return ch.inverted ? 1 - q : q;
}

/**
 * Renders `planes[i]` with `channels[i]` into `out` (RGB, 3 bytes per pixel). Planes of inactive
 * channels are never read, so callers may pass an empty array for them.
 */
export function renderRgb(
  planes: readonly TypedArray[],
  channels: readonly ChannelRender[],
  pixelCount: number,
  out: Uint8Array = new Uint8Array(pixelCount * 3),
): Uint8Array {
  if (out.length < pixelCount * 3) throw new RangeError("output buffer too small");
  const prepared = prepareChannels(planes, channels, pixelCount);
  const acc = new Float64Array(Math.min(BLOCK, pixelCount) * 3);
  for (let from = 0; from < pixelCount; from += BLOCK) {
    const to = Math.min(pixelCount, from + BLOCK);
    acc.fill(0);
    for (const ch of prepared) accumulate(ch, acc, from, to);
    for (let i = 0, j = from * 3, n = (to - from) * 3; i < n; i++, j++) {
      const s = acc[i]!;
      out[j] = s >= 255 ? 255 : Math.round(s); // Uint8Array stores the integer; s ≥ 0 always
    }
  }
  return out;
}

function prepareChannels(planes: readonly TypedArray[], channels: readonly ChannelRender[], pixelCount: number): PreparedChannel[] {
  const prepared: PreparedChannel[] = [];
  channels.forEach((ch, i) => {
    if (!ch.active) return;
    const plane = planes[i];
    if (!plane || plane.length < pixelCount) {
      throw new FoveaError("VALIDATION_FAILED", `channel ${i} is active but its plane is missing or too small`, {
        details: [{ field: `channels[${i}]`, message: "plane missing or too small" }],
      });
    }
    const weights = parseColor(ch.color, `channels[${i}].color`);
    const degenerate = ch.end === ch.start;
    const scale = degenerate ? 0 : 1 / (ch.end - ch.start);
    const base = { plane, weights, scale, start: ch.start, degenerate, inverted: ch.inverted === true };
    prepared.push({ ...base, ...buildLut(plane, ch) });
  });
  return prepared;
}

/** A table of intensities for 8- and 16-bit integers: one lookup replaces the window arithmetic. */
function buildLut(plane: TypedArray, ch: ChannelRender): { lut: Float64Array | undefined; lutOffset: number } {
  let size: number;
  let lutOffset: number;
  if (plane instanceof Uint8Array) [size, lutOffset] = [256, 0];
  else if (plane instanceof Int8Array) [size, lutOffset] = [256, -128];
  else if (plane instanceof Uint16Array) [size, lutOffset] = [65536, 0];
  else if (plane instanceof Int16Array) [size, lutOffset] = [65536, -32768];
  else return { lut: undefined, lutOffset: 0 };
  // A 64 Ki-entry table costs more to fill than it saves on a small tile.
  if (size > plane.length * 2) return { lut: undefined, lutOffset: 0 };
  const lut = new Float64Array(size);
  for (let k = 0; k < size; k++) lut[k] = intensity(k + lutOffset, ch);
  return { lut, lutOffset };
}

function accumulate(ch: PreparedChannel, acc: Float64Array, from: number, to: number): void {
  const [wr, wg, wb] = ch.weights;
  if (wr === 0 && wg === 0 && wb === 0) return;
  const { plane, lut } = ch;
  if (lut) {
    const off = ch.lutOffset;
    for (let p = from, a = 0; p < to; p++, a += 3) {
      const q = lut[plane[p]! - off]!;
      acc[a] = acc[a]! + q * wr;
      acc[a + 1] = acc[a + 1]! + q * wg;
      acc[a + 2] = acc[a + 2]! + q * wb;
    }
    return;
  }
  const { scale, inverted, degenerate, start } = ch;
  for (let p = from, a = 0; p < to; p++, a += 3) {
    const v = plane[p]!;
    let q = degenerate ? (v >= start ? 1 : 0) : (v - start) * scale;
    q = q > 0 ? (q < 1 ? q : 1) : 0;
    if (inverted) q = 1 - q;
    acc[a] = acc[a]! + q * wr;
    acc[a + 1] = acc[a + 1]! + q * wg;
    acc[a + 2] = acc[a + 2]! + q * wb;
  }
}

/** Folds `plane` into `target` in place: target[i] = max(target[i], plane[i]), ignoring NaN. */
export function maxProjectInto(target: TypedArray, plane: TypedArray): void {
  if (target.length !== plane.length) throw new RangeError("planes differ in size");
  for (let i = 0; i < target.length; i++) {
    const v = plane[i]!;
    const m = target[i]!;
    if (v > m || m !== m) target[i] = v; // `m !== m` is NaN: any value beats it
  }
}

/** Maximum-intensity projection of same-sized planes (e.g. every Z of one channel), as a new array. */
export function maxProjection(planes: readonly TypedArray[]): TypedArray {
  const first = planes[0];
  if (!first) throw new RangeError("no planes to project");
  const out = first.slice();
  for (let i = 1; i < planes.length; i++) maxProjectInto(out, planes[i]!);
  return out;
}
