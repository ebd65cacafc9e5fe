/**
 * Walks a TIFF's IFD chain and describes every page (size, samples, pixel type, photometric),
 * validating what geotiff would otherwise trip over later: IFD chains that loop or point past the
 * end, strips and tiles outside the file, unsupported bit depths and compressions. After this, a
 * page's pixel reads can only fail on corrupt compressed data.
 */
import type { GeoTIFF, GeoTIFFImage } from "geotiff";
import type { PixelType } from "@fovea/model";
import { unreadable, unsupported } from "./reader-errors.ts";

/** One IFD of the main chain, validated. */
export interface TiffPage {
  readonly index: number;
  readonly width: number;
  readonly height: number;
  readonly samplesPerPixel: number;
  readonly pixelType: PixelType;
  /** TIFF PhotometricInterpretation: 0/1 grey, 2 RGB, 3 palette, 6 YCbCr, … */
  readonly photometric: number;
  /** NewSubfileType bit 0: a reduced-resolution copy of another page (pyramid level, thumbnail). */
  readonly reducedResolution: boolean;
  readonly image: GeoTIFFImage;
}

const MAX_PLANE_BYTES = 2 ** 31 - 1;

/** Compressions geotiff 3 decodes (old-style JPEG, 6, it refuses). */
const COMPRESSIONS: Readonly<Record<number, string>> = {
  1: "none", 5: "LZW", 7: "JPEG", 8: "deflate", 32946: "deflate", 32773: "PackBits", 34887: "LERC", 50000: "zstd", 50001: "WebP",
};

/** Bits per sample and SampleFormat → pixel type, following geotiff's own array choice. */
function pixelTypeOf(bits: number, format: number): PixelType | undefined {
  if (format === 1 || format === 4) {
    // 4 = "undefined" data, read as unsigned like tifffile does.
    if (bits >= 1 && bits <= 8) return "uint8";
    if (bits <= 16) return "uint16";
    if (bits <= 32) return "uint32";
  } else if (format === 2) {
    return ({ 8: "int8", 16: "int16", 32: "int32" } as const)[bits as 8 | 16 | 32];
  } else if (format === 3) {
    if (bits === 16 || bits === 32) return "float32"; // geotiff widens half floats
    if (bits === 64) return "float64";
  }
  return undefined;
}

/**
 * Any tag's value. geotiff types only its "eager" tags as synchronously readable, but our parser
 * runs in eager mode (tiff-source.ts), so every tag is loaded by the time a page exists.
 */
export function tagValue(image: GeoTIFFImage, tag: string): unknown {
  return (image.fileDirectory.getValue as (t: string) => unknown).call(image.fileDirectory, tag);
}

function first(value: unknown, fallback: number): number {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "length" in value && (value as ArrayLike<number>).length > 0) {
    return Number((value as ArrayLike<number>)[0]);
  }
  return fallback;
}

/** Every page of the file, in IFD order. */
export async function readTiffPages(path: string, tiff: GeoTIFF, fileSize: number, signal?: AbortSignal): Promise<TiffPage[]> {
  const pages: TiffPage[] = [];
  const seen = new Set<number>([tiff.firstIFDOffset]);
  if (tiff.firstIFDOffset < 8 || tiff.firstIFDOffset >= fileSize) {
    throw unreadable(path, `the first IFD offset (${tiff.firstIFDOffset}) points outside the file (${fileSize} bytes)`);
  }
  for (let index = 0; ; index++) {
    signal?.throwIfAborted();
    let image: GeoTIFFImage;
    try {
      image = await tiff.getImage(index);
    } catch (err) {
      // geotiff reads IFD entries through DataViews over the bytes that exist: a RangeError
      // means the directory (or a value it points to) is cut off.
      if (!(err instanceof RangeError)) throw err;
      throw unreadable(path, `TIFF directory ${index} is cut off or points outside the file (truncated?): ${err.message}`, err);
    }
    pages.push(describePage(path, image, index, fileSize));
    const next = image.fileDirectory.nextIFDByteOffset;
    if (next === 0) return pages;
    if (seen.has(next)) throw unreadable(path, `the IFD chain loops back to byte ${next} after page ${index}`);
    if (next >= fileSize) throw unreadable(path, `IFD ${index + 1} offset ${next} points past the end of the file (${fileSize} bytes)`);
    seen.add(next);
  }
}

function describePage(path: string, image: GeoTIFFImage, index: number, fileSize: number): TiffPage {
  const fd = image.fileDirectory;
  const where = `TIFF page ${index}`;
  const width = image.getWidth();
  const height = image.getHeight();
  if (!(width > 0 && height > 0)) throw unreadable(path, `${where} has no valid size (${width}×${height})`);
  const spp = image.getSamplesPerPixel();
  if (!(spp >= 1)) throw unreadable(path, `${where} has ${spp} samples per pixel`);
  const bitsList = Array.from((fd.getValue("BitsPerSample") as ArrayLike<number> | undefined) ?? [1]);
  const bits = bitsList[0] ?? 1;
  if (bitsList.some((b) => b !== bits)) throw unsupported(path, `${where} mixes bit depths (${bitsList.join(", ")}) across samples`);
  const format = first(fd.getValue("SampleFormat"), 1);
  const pixelType = pixelTypeOf(bits, format);
  if (!pixelType) throw unsupported(path, `${where}: ${bits}-bit samples of SampleFormat ${format} are not supported`);
  // Readers hand out whole planes; past 2 GiB a plane cannot be one typed array (and a header
  // claiming it is more likely damaged than real).
  if (width * height * Math.ceil(bits / 8) > MAX_PLANE_BYTES) {
    throw unsupported(path, `${where}: a ${width}×${height} plane is too large to read whole`);
  }
  const compression = first(fd.getValue("Compression"), 1);
  if (!(compression in COMPRESSIONS)) {
    throw unsupported(path, `${where}: TIFF compression ${compression}${compression === 6 ? " (old-style JPEG)" : ""} is not supported`);
  }
  const photometric = first(fd.getValue("PhotometricInterpretation"), 1);
  // JPEG-compressed YCbCr decodes to RGB; raw YCbCr (with chroma subsampling) geotiff does not convert.
  if (photometric === 6 && compression !== 7) throw unsupported(path, `${where}: uncompressed YCbCr TIFF is not supported`);
  checkBlocks(path, image, where, spp, fileSize);
  return {
    index, width, height, samplesPerPixel: spp, pixelType,
    photometric,
    reducedResolution: (first(fd.getValue("NewSubfileType"), 0) & 1) === 1,
    image,
  };
}

/** The strips or tiles must exist, be as many as the geometry needs, and lie inside the file. */
function checkBlocks(path: string, image: GeoTIFFImage, where: string, spp: number, fileSize: number): void {
  const kind = image.isTiled ? "tile" : "strip";
  const offsets = tagValue(image, image.isTiled ? "TileOffsets" : "StripOffsets") as ArrayLike<number | bigint> | number | undefined;
  const counts = tagValue(image, image.isTiled ? "TileByteCounts" : "StripByteCounts") as ArrayLike<number | bigint> | number | undefined;
  if (offsets === undefined || counts === undefined) throw unreadable(path, `${where} has no ${kind} offsets or byte counts`);
  const offs = typeof offsets === "number" ? [offsets] : Array.from(offsets, Number);
  const cnts = typeof counts === "number" ? [counts] : Array.from(counts, Number);
  const bw = image.getTileWidth();
  const bh = image.getTileHeight();
  if (!(bw > 0 && bh > 0)) throw unreadable(path, `${where} has an invalid ${kind} size (${bw}×${bh})`);
  const needed = Math.ceil(image.getWidth() / bw) * Math.ceil(image.getHeight() / bh) * (image.planarConfiguration === 2 ? spp : 1);
  if (offs.length < needed || cnts.length < needed) {
    throw unreadable(path, `${where} lists ${Math.min(offs.length, cnts.length)} ${kind}s but its size needs ${needed}`);
  }
  for (let i = 0; i < needed; i++) {
    const end = offs[i]! + cnts[i]!;
    if (cnts[i]! > 0 && !(end <= fileSize)) {
      throw unreadable(path, `${where}: ${kind} ${i} needs bytes ${offs[i]}–${end} but the file has only ${fileSize} (truncated?)`);
    }
  }
}
