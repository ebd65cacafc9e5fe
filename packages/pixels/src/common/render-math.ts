/**
 * Rendering math: channel planes + per-channel window and colour → 8-bit RGB. Isomorphic (the web
 * viewer renders tiles with the same code), so no Node APIs here.
 *
 * Per channel, a pixel value v gives an intensity q = clamp((v − start) / (end − start), 0, 1)
 * (1 − q when inverted; NaN counts as 0); the output is additive: each RGB component is
 * min(255, round(Σ q · colourComponent)) over the active channels.
 */
import type { TypedArray } from "./pixel-types.ts";
import { activeChannels, type ChannelRender } from "./render-channel.ts";
import { renderFixedPoint } from "./render-fixed.ts";
import { renderFloat } from "./render-float.ts";

export { intensity, parseColor, type ChannelRender } from "./render-channel.ts";

/**
 * Renders `planes[i]` with `channels[i]` into `out` (RGB, 3 bytes per pixel). Planes of inactive
 * channels are never read, so callers may pass an empty array for them.
 *
 * 8/16-bit planes go through per-channel fixed-point tables (render-fixed.ts), everything else
 * through the float formula (render-float.ts); both give exactly the formula's bytes.
 */
export function renderRgb(
  planes: readonly TypedArray[],
  channels: readonly ChannelRender[],
  pixelCount: number,
  out: Uint8Array = new Uint8Array(pixelCount * 3),
): Uint8Array {
  if (out.length < pixelCount * 3) throw new RangeError("output buffer too small");
  const active = activeChannels(planes, channels, pixelCount);
  if (active.length === 0) out.fill(0, 0, pixelCount * 3);
  else if (!renderFixedPoint(active, pixelCount, out)) renderFloat(active, pixelCount, out);
  return out;
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
