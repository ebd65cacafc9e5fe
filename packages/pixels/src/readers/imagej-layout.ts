/**
 * ImageJ hyperstacks: `channels`, `slices`, `frames` from the description, pages ordered C, Z, T
 * (C fastest); pixel size from X/YResolution in the calibration unit.
 */
import type { ChannelMeta } from "@fovea/core";
import { imageJPixelSize, type ImageJMeta } from "./imagej-meta.ts";
import { displayName, unreadable, unsupported } from "./reader-errors.ts";
import { tagValue, type TiffPage } from "./tiff-pages.ts";
import { defaultChannels } from "./channel-defaults.ts";
import { channelSamples, sampleChannels, type TiffSeries } from "./tiff-series.ts";

/** The one series of an ImageJ TIFF; fails when the pages cannot hold the described stack. */
export function imageJSeries(path: string, meta: ImageJMeta, pages: readonly TiffPage[]): TiffSeries {
  const page0 = pages[0]!;
  const spp = channelSamples(page0);
  // An ImageJ RGB or 48-bit composite counts its samples as channels (`channels=3`, one page).
  const pageC = spp > 1 ? Math.max(1, Math.floor(meta.channels / spp)) : meta.channels;
  const labelled = pageC * meta.slices * meta.frames;
  // A plain ImageJ stack says only `images=N`: ImageJ opens the unlabelled pages as slices.
  const slices = meta.images !== undefined && meta.images > labelled && meta.images % labelled === 0
    ? meta.slices * (meta.images / labelled) : meta.slices;
  const needed = pageC * slices * meta.frames;
  if (pages.length < needed) {
    if (pages.length === 1) {
      // ImageJ writes stacks over 4 GB as one IFD followed by the other planes back to back.
      throw unsupported(path, `an ImageJ stack of ${needed} images stored after a single IFD (ImageJ's >4 GB layout) is not supported`);
    }
    throw unreadable(path, `the ImageJ description says ${needed} images but the file has ${pages.length} pages`);
  }
  const sizeC = pageC * spp;
  const channels: ChannelMeta[] = sampleChannels(page0) ?? defaultChannels(sizeC);
  // The display range ImageJ saved applies to the one channel of a single-channel image.
  if (sizeC === 1 && meta.min !== undefined && meta.max !== undefined && meta.min < meta.max) {
    channels[0] = { ...channels[0]!, window: { start: meta.min, end: meta.max } };
  }
  return {
    name: displayName(path),
    format: "TIFF",
    sizeX: page0.width, sizeY: page0.height, sizeZ: slices, sizeC, sizeT: meta.frames,
    pixelType: page0.pixelType, pagePixelType: page0.pixelType,
    physicalSizeX: imageJPixelSize(tagValue(page0.image, "XResolution") as ArrayLike<number> | undefined, meta.unit),
    physicalSizeY: imageJPixelSize(tagValue(page0.image, "YResolution") as ArrayLike<number> | undefined, meta.unit),
    // With one slice ImageJ often keeps a stale or copied `spacing`: it means nothing then.
    physicalSizeZ: slices > 1 ? meta.spacing : undefined,
    timeIncrement: meta.frames > 1 ? meta.frameInterval : undefined,
    channels,
    planeSource: (z, c, t) => ({
      page: pages[Math.floor(c / spp) + pageC * (z + slices * t)]!,
      sample: c % spp,
    }),
  };
}
