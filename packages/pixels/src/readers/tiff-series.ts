/**
 * A TIFF series: one image of a TIFF file, as the layouts (OME-TIFF, ImageJ, plain) describe it,
 * with the mapping of each (z, c, t) to a page and a sample within that page.
 */
import type { ChannelMeta, ImageMetadata } from "@fovea/core";
import type { PixelType } from "@fovea/model";
import type { TiffPage } from "./tiff-pages.ts";
import { RGB_CHANNELS } from "./channel-defaults.ts";
import { unreadable } from "./reader-errors.ts";

/** Where one plane of a series lives. */
export interface PlaneSource {
  readonly page: TiffPage;
  /** Sample (within the page's samples per pixel) holding this channel. */
  readonly sample: number;
}

/** One image of a TIFF file, as a layout describes it. */
export interface TiffSeries extends Omit<ImageMetadata, "name" | "format"> {
  readonly name?: string | undefined;
  readonly format: "OME-TIFF" | "TIFF";
  /** The type geotiff decodes the pages to; every page of the series must have it. (pixelType is
   * usually the pages' type too; OME-XML may re-declare signedness, see ome-tiff-layout.ts.) */
  readonly pagePixelType: PixelType;
  planeSource(z: number, c: number, t: number): PlaneSource;
}

/**
 * How many samples of a page become channels. RGB(A) keeps red, green and blue and drops alpha
 * and other extra samples (transparency is not intensity); other multi-sample pages keep all.
 * Palette pages (PhotometricInterpretation 3) keep their raw indices as grey values: in
 * microscopy TIFFs (ImageJ, Bio-Formats) the palette is a display LUT over real intensities.
 */
export function channelSamples(page: TiffPage): number {
  const isRgb = page.photometric === 2 || page.photometric === 6;
  return isRgb && page.samplesPerPixel >= 3 ? 3 : page.samplesPerPixel;
}

/** Channel metadata for the samples of a page: Red/Green/Blue for RGB, else none (defaults). */
export function sampleChannels(page: TiffPage, prefix?: string): ChannelMeta[] | undefined {
  if (channelSamples(page) !== 3 || (page.photometric !== 2 && page.photometric !== 6)) return undefined;
  return RGB_CHANNELS.map((ch) => (prefix ? { ...ch, name: `${prefix} ${ch.name}` } : ch));
}

/**
 * Checks that every plane of the series maps to an existing page of the series' shape and type,
 * so that a mapping error fails at open, not halfway through an import.
 */
export function validateSeries(path: string, s: TiffSeries): void {
  for (let t = 0; t < s.sizeT; t++) for (let c = 0; c < s.sizeC; c++) for (let z = 0; z < s.sizeZ; z++) {
    const { page, sample } = s.planeSource(z, c, t);
    if (page.width !== s.sizeX || page.height !== s.sizeY) {
      throw unreadable(path, `plane z=${z} c=${c} t=${t} maps to TIFF page ${page.index} of ${page.width}×${page.height}, not ${s.sizeX}×${s.sizeY}`);
    }
    if (page.pixelType !== s.pagePixelType) {
      throw unreadable(path, `plane z=${z} c=${c} t=${t} maps to TIFF page ${page.index} of type ${page.pixelType}, not ${s.pagePixelType}`);
    }
    if (sample >= page.samplesPerPixel) {
      throw unreadable(path, `plane z=${z} c=${c} t=${t} maps to sample ${sample} of TIFF page ${page.index}, which has ${page.samplesPerPixel}`);
    }
  }
}
