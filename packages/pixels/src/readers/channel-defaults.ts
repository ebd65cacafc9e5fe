/** Channel metadata shared by the readers for files that name no channels. */
import type { ChannelMeta } from "@fovea/core";

/** RGB images split into three channels, each shown in its own colour. */
export const RGB_CHANNELS: readonly ChannelMeta[] = [
  { name: "Red", color: "FF0000" },
  { name: "Green", color: "00FF00" },
  { name: "Blue", color: "0000FF" },
];

/** `Ch1`, `Ch2`, …: the names import uses too when a file gives none. */
export function defaultChannels(count: number): ChannelMeta[] {
  return Array.from({ length: count }, (_, c) => ({ name: `Ch${c + 1}` }));
}
