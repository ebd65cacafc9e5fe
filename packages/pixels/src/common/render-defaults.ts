/**
 * The default rendering of an image (thumbnail, first view in the viewer). Isomorphic.
 */
import { defaultChannelColor } from "@fovea/model";
import type { ChannelRender } from "./render-math.ts";

/** Per-channel range of the stored values (NaN and ±Infinity ignored), recorded at import. */
export interface ChannelStats {
  readonly min: number;
  readonly max: number;
}

/** What the defaults need to know about each channel; `ChannelMeta` of the pixel port fits. */
export interface ChannelHints {
  readonly color?: string | undefined;
  readonly emissionWavelength?: number | undefined;
  readonly window?: { readonly start: number; readonly end: number } | undefined;
}

/**
 * All channels active (as OMERO shows them); colour from the file, else the default above; window
 * from the file (e.g. an OME-Zarr `omero` block), else the channel's min/max — the same choices
 * import records on the image's channels.
 */
export function defaultRenderSettings(
  sizeC: number,
  stats: readonly ChannelStats[],
  hints: readonly ChannelHints[] = [],
): ChannelRender[] {
  return Array.from({ length: sizeC }, (_, c) => {
    const hint = hints[c];
    const s = stats[c] ?? { min: 0, max: 0 };
    const color = hint?.color && /^[0-9a-fA-F]{6}$/.test(hint.color)
      ? hint.color.toUpperCase()
      : defaultChannelColor(c, sizeC, hint?.emissionWavelength);
    const window = hint?.window ?? { start: s.min, end: s.max };
    return { active: true, color, start: window.start, end: window.end };
  });
}
