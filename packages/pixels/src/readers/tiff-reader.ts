/**
 * TIFF and BigTIFF through geotiff (strips or tiles; none/LZW/deflate/PackBits/JPEG/zstd; either
 * byte order; 8/16/32-bit integers signed or not, float32/64, RGB, palette). Which page holds which
 * (z, c, t) comes from, in order: the OME-XML ImageDescription, an ImageJ description, or the
 * plain-TIFF rule (pages are time points).
 */
import type { ImageMetadata, ImageReader, OpenedFile } from "@fovea/core";
import type { Plane, TypedArray } from "@fovea/model";
import { viewAs } from "../common/pixel-types.ts";
import { scoreMatch, type FileProbe, type FormatReader } from "./format-reader.ts";
import { imageJSeries } from "./imagej-layout.ts";
import { isImageJDescription, parseImageJDescription } from "./imagej-meta.ts";
import { omeTiffSeries } from "./ome-tiff-layout.ts";
import { looksLikeOmeXml, parseOmeXml } from "./ome-xml.ts";
import { checkPlaneIndex } from "./plane-index.ts";
import { plainTiffSeries } from "./plain-tiff-layout.ts";
import { PositionedFile } from "./positioned-file.ts";
import { displayName, guard, unreadable } from "./reader-errors.ts";
import { readTiffPages, tagValue, type TiffPage } from "./tiff-pages.ts";
import { validateSeries, type TiffSeries } from "./tiff-series.ts";
import { openGeoTiff } from "./tiff-source.ts";

const EXTENSIONS = [".tif", ".tiff", ".btf", ".tf8", ".tf2"];

/** "II*\0", "MM\0*" (classic) and "II+\0", "MM\0+" (BigTIFF). */
export function hasTiffMagic(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const [a, b, c, d] = [head[0], head[1], head[2], head[3]];
  if (a === 0x49 && b === 0x49) return (c === 42 || c === 43) && d === 0;
  if (a === 0x4d && b === 0x4d) return c === 0 && (d === 42 || d === 43);
  return false;
}

/** TIFF, BigTIFF, OME-TIFF and ImageJ TIFF files. */
export const tiffReader: FormatReader = {
  formatName: "TIFF",
  extensions: EXTENSIONS,
  recognise: (probe) => scoreMatch(!probe.isDirectory && hasTiffMagic(probe.head), probe, EXTENSIONS),
  open: openTiff,
};

async function openTiff(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile> {
  const { path } = probe;
  signal?.throwIfAborted();
  const file = await PositionedFile.open(path);
  try {
    const tiff = await guard(path, "reading the TIFF header", () => openGeoTiff(file, signal));
    const pages = await guard(path, "reading the TIFF directories", () => readTiffPages(path, tiff, file.size, signal));
    const series = layoutOf(path, pages);
    for (const s of series) validateSeries(path, s);
    return { images: series.map((s) => new TiffImageReader(path, s)), close: () => file.close() };
  } catch (err) {
    await file.close();
    throw err;
  }
}

function descriptionOf(page: TiffPage): string | undefined {
  const value = tagValue(page.image, "ImageDescription");
  return typeof value === "string" ? value.replace(/\0+$/, "") : undefined;
}

function layoutOf(path: string, pages: readonly TiffPage[]): TiffSeries[] {
  const description = descriptionOf(pages[0]!);
  if (looksLikeOmeXml(description)) {
    let doc;
    try {
      doc = parseOmeXml(description);
    } catch (err) {
      throw unreadable(path, `its OME-XML is unusable: ${(err as Error).message}`, err);
    }
    return omeTiffSeries(path, doc, pages);
  }
  if (isImageJDescription(description)) return [imageJSeries(path, parseImageJDescription(description), pages)];
  return plainTiffSeries(path, pages);
}

class TiffImageReader implements ImageReader {
  readonly metadata: ImageMetadata;

  constructor(
    private readonly path: string,
    private readonly series: TiffSeries,
  ) {
    const s = series;
    this.metadata = {
      name: s.name ?? displayName(path),
      sizeX: s.sizeX, sizeY: s.sizeY, sizeZ: s.sizeZ, sizeC: s.sizeC, sizeT: s.sizeT,
      pixelType: s.pixelType,
      physicalSizeX: s.physicalSizeX, physicalSizeY: s.physicalSizeY, physicalSizeZ: s.physicalSizeZ,
      timeIncrement: s.timeIncrement,
      channels: s.channels,
      format: s.format,
      acquisitionDate: s.acquisitionDate,
    };
  }

  async readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane> {
    signal?.throwIfAborted();
    checkPlaneIndex(this.metadata, z, c, t);
    const { page, sample } = this.series.planeSource(z, c, t);
    const rasters = await guard(this.path, `decoding TIFF page ${page.index}`,
      () => page.image.readRasters({ samples: [sample], interleave: false, signal }));
    let data = (rasters as unknown as TypedArray[])[0];
    const { sizeX: width, sizeY: height, pixelType } = this.series;
    if (!data || data.length !== width * height) {
      throw unreadable(this.path, `TIFF page ${page.index} decoded to ${data?.length ?? 0} samples, expected ${width * height}`);
    }
    if (pixelType !== this.series.pagePixelType) {
      // Same-width signedness reinterpretation declared by the OME-XML (see ome-tiff-layout.ts).
      data = viewAs(pixelType, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    }
    return { width, height, data };
  }
}
