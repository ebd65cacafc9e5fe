/**
 * One channel's rendering settings, checked and parsed once per render: the colour as three
 * weights and the window as the expression every path of renderRgb must reproduce to the bit.
 * Isomorphic: no Node APIs.
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

/** An active channel that adds to at least one component, with its plane and parsed colour. */
export interface ActiveChannel {
  readonly plane: TypedArray;
  readonly weights: readonly [number, number, number];
  readonly start: number;
  readonly end: number;
  /** 1 / (end − start), or 0 when the window is degenerate (start = end: a threshold). */
  readonly scale: number;
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

/**
 * Intensity of one value, in [0, 1]. Exported for tests and for single-pixel probes in the viewer.
 * The float path and the tables of renderRgb compute exactly this, through windowIntensity.
 */
export function intensity(v: number, ch: Pick<ChannelRender, "start" | "end" | "inverted">): number {
  const degenerate = ch.end === ch.start;
  return windowIntensity(v, ch.start, degenerate ? 0 : 1 / (ch.end - ch.start), degenerate, Boolean(ch.inverted));
}

/**
 * The intensity expression itself, on a window prepared once (`scale` = 1 / (end − start)).
 * Scalar arguments keep it monomorphic, so the engine inlines it into the block loops.
 */
export function windowIntensity(v: number, start: number, scale: number, degenerate: boolean, inverted: boolean): number {
  let q = degenerate ? (v >= start ? 1 : 0) : (v - start) * scale;
  q = q > 0 ? (q < 1 ? q : 1) : 0; // NaN fails `q > 0`, so it maps to 0
  return inverted ? 1 - q : q;
}

/**
 * The active channels with their planes, in channel order. Black channels are validated but
 * dropped: they add q · 0 = 0 to every component, which changes no sum.
 */
export function activeChannels(planes: readonly TypedArray[], channels: readonly ChannelRender[], pixelCount: number): ActiveChannel[] {
  const active: ActiveChannel[] = [];
  channels.forEach((ch, i) => {
    if (!ch.active) return;
    const plane = planes[i];
    if (!plane || plane.length < pixelCount) {
      throw new FoveaError("VALIDATION_FAILED", `channel ${i} is active but its plane is missing or too small`, {
        details: [{ field: `channels[${i}]`, message: "plane missing or too small" }],
      });
    }
    const weights = parseColor(ch.color, `channels[${i}].color`);
    if (weights[0] === 0 && weights[1] === 0 && weights[2] === 0) return;
    const degenerate = ch.end === ch.start;
    const scale = degenerate ? 0 : 1 / (ch.end - ch.start);
    active.push({ plane, weights, start: ch.start, end: ch.end, scale, degenerate, inverted: Boolean(ch.inverted) });
  });
  return active;
}
