/**
 * Plain TIFFs (neither OME nor ImageJ): full-resolution pages grouped into runs of the same shape
 * and type; each run is one image whose pages are time points.
 *
 * Why T and not Z (Bio-Formats' choice): nothing in such a file says which, and the multi-page
 * plain TIFFs users bring are mostly movies (tifffile and many acquisition tools write them; the
 * pims and cell-migration samples are), and time series are what the kymograph and tracking
 * scripts need. A user can still read a Z-stack as T; the reverse mislabelling breaks those tools.
 */
import { tagValue, type TiffPage } from "./tiff-pages.ts";
import { imageName } from "./reader-errors.ts";
import { defaultChannels } from "./channel-defaults.ts";
import { channelSamples, sampleChannels, type TiffSeries } from "./tiff-series.ts";
import { positiveOrUndefined } from "./units.ts";

function signature(p: TiffPage): string {
  return `${p.width}x${p.height}x${p.samplesPerPixel}:${p.pixelType}:${p.photometric}`;
}

/** Series of a TIFF with no OME or ImageJ description (see the note at the top). */
export function plainTiffSeries(path: string, allPages: readonly TiffPage[]): TiffSeries[] {
  // Reduced-resolution pages (NewSubfileType bit 0) are pyramid levels or thumbnails, not planes.
  const pages = allPages.filter((p) => !p.reducedResolution);
  const runs: TiffPage[][] = [];
  for (const p of pages.length > 0 ? pages : allPages.slice(0, 1)) {
    const last = runs[runs.length - 1];
    if (last && signature(last[0]!) === signature(p)) last.push(p);
    else runs.push([p]);
  }
  return runs.map((run, k) => seriesOf(run, imageName(path, undefined, k, runs.length)));
}

function seriesOf(run: readonly TiffPage[], name: string): TiffSeries {
  const page0 = run[0]!;
  const spp = channelSamples(page0);
  const size = resolutionMicrons(page0);
  return {
    name,
    format: "TIFF",
    sizeX: page0.width, sizeY: page0.height, sizeZ: 1, sizeC: spp, sizeT: run.length,
    pixelType: page0.pixelType, pagePixelType: page0.pixelType,
    physicalSizeX: size.x, physicalSizeY: size.y,
    channels: sampleChannels(page0) ?? defaultChannels(spp),
    planeSource: (_z, c, t) => ({ page: run[t]!, sample: c }),
  };
}

/**
 * Pixel size from X/YResolution when the ResolutionUnit is centimetres (3), as microscope
 * software writes it. Inches (2, the TIFF default) carry 72/300 dpi display settings from
 * general-purpose software, not a physical pixel size, so they are ignored.
 */
function resolutionMicrons(page: TiffPage): { x?: number | undefined; y?: number | undefined } {
  const unit = tagValue(page.image, "ResolutionUnit") as number | undefined;
  if (unit !== 3) return {};
  const micronsPerPixel = (r: unknown) => {
    const a = r as ArrayLike<number> | undefined;
    return a && a.length >= 2 ? positiveOrUndefined(1e4 / (Number(a[0]) / Number(a[1]))) : undefined;
  };
  return { x: micronsPerPixel(tagValue(page.image, "XResolution")), y: micronsPerPixel(tagValue(page.image, "YResolution")) };
}
