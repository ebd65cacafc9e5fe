/**
 * The thumbnail made at commit: middle Z, first T, default rendering, longest side 96 px.
 */
import type { Plane } from "../common/pixel-types.ts";
import { renderRgb } from "../common/render-math.ts";
import { defaultRenderSettings, type ChannelHints, type ChannelStats } from "../common/render-defaults.ts";
import { encodeRgb } from "./encode-image.ts";

export const THUMBNAIL_SIDE = 96;

/** Picks the smallest pyramid level whose longer side is still at least the thumbnail's. */
export function thumbnailLevel(levels: readonly { sizeX: number; sizeY: number }[]): number {
  let best = 0;
  levels.forEach((l, i) => {
    if (Math.max(l.sizeX, l.sizeY) >= THUMBNAIL_SIDE) best = i;
  });
  return best;
}

/** `planes[c]` is channel c of the chosen plane, all the same size. */
export async function makeThumbnail(planes: readonly Plane[], stats: readonly ChannelStats[], hints: readonly ChannelHints[]): Promise<Uint8Array> {
  const first = planes[0];
  if (!first) throw new RangeError("a thumbnail needs at least one channel");
  const { width, height } = first;
  const settings = defaultRenderSettings(planes.length, stats, hints);
  const rgb = renderRgb(planes.map((p) => p.data), settings, width * height);
  return encodeRgb(rgb, width, height, { format: "png", longestSide: THUMBNAIL_SIDE });
}
