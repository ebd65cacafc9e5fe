/**
 * PNG (fast-png: grey, grey+alpha, RGB, RGBA, palette; 1–16 bits) and JPEG (sharp: grey or RGB).
 * Both are decoded whole at open, which also validates them: a truncated or corrupt file fails
 * there. Alpha is dropped; PNG palettes are expanded to RGB (see below).
 */
import { decode as decodePng, type DecodedPng } from "fast-png";
import type { OpenedFile } from "@fovea/core";
import type { TypedArray } from "@fovea/model";
import { scoreMatch, type FileProbe, type FormatReader } from "./format-reader.ts";
import { InterleavedImageReader, type DecodedImage } from "./interleaved-image.ts";
import { PositionedFile } from "./positioned-file.ts";
import { displayName, guard, unsupported } from "./reader-errors.ts";
import { positiveOrUndefined } from "./units.ts";

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_EXTENSIONS = [".png"];
const JPEG_EXTENSIONS = [".jpg", ".jpeg", ".jpe", ".jfif"];
/** Whole-image decoders: refuse what would not fit comfortably in memory. */
const MAX_PIXELS = 2 ** 28;

/** PNG files (first frame of an APNG). */
export const pngReader: FormatReader = {
  formatName: "PNG",
  extensions: PNG_EXTENSIONS,
  recognise: (p) => scoreMatch(!p.isDirectory && PNG_MAGIC.every((b, i) => p.head[i] === b), p, PNG_EXTENSIONS),
  open: openPng,
};

/** JPEG/JFIF files. */
export const jpegReader: FormatReader = {
  formatName: "JPEG",
  extensions: JPEG_EXTENSIONS,
  recognise: (p) => scoreMatch(!p.isDirectory && p.head[0] === 0xff && p.head[1] === 0xd8 && p.head[2] === 0xff, p, JPEG_EXTENSIONS),
  open: openJpeg,
};

async function readWhole(path: string): Promise<Uint8Array> {
  const file = await PositionedFile.open(path);
  try {
    return await file.read(0, file.size, "the image");
  } finally {
    await file.close();
  }
}

async function openPng(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile> {
  // Refuse giant images from the IHDR chunk (width, height at bytes 16 and 20) before decoding.
  if (probe.head.length >= 24) {
    const ihdr = new DataView(probe.head.buffer, probe.head.byteOffset, 24);
    const [w, h] = [ihdr.getUint32(16), ihdr.getUint32(20)];
    if (w * h > MAX_PIXELS) throw unsupported(probe.path, `a ${w}×${h} PNG is too large to import`);
  }
  const bytes = await readWhole(probe.path);
  signal?.throwIfAborted();
  // checkCrc makes a damaged chunk an error rather than garbage pixels.
  const png = await guard(probe.path, "decoding the PNG", async () => decodePng(bytes, { checkCrc: true }));
  const pixelsPerMetre = png.resolution?.unit === 1 ? png.resolution : undefined;
  const reader = new InterleavedImageReader(pngSamples(png), {
    name: displayName(probe.path), format: "PNG",
    physicalSizeX: positiveOrUndefined(pixelsPerMetre ? 1e6 / pixelsPerMetre.x : undefined),
    physicalSizeY: positiveOrUndefined(pixelsPerMetre ? 1e6 / pixelsPerMetre.y : undefined),
  });
  return { images: [reader], close: async () => {} };
}

/**
 * Unpacks 1/2/4-bit rows (each row starts on a byte boundary) to one byte per sample.
 */
function unpackBits(packed: ArrayLike<number>, width: number, height: number, samples: number, depth: number): Uint8Array {
  const perRow = width * samples;
  const rowBytes = Math.ceil((perRow * depth) / 8);
  const out = new Uint8Array(perRow * height);
  const mask = (1 << depth) - 1;
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < perRow; i++) {
      const bit = i * depth;
      const byte = packed[y * rowBytes + (bit >> 3)] ?? 0;
      out[y * perRow + i] = (byte >> (8 - depth - (bit & 7))) & mask;
    }
  }
  return out;
}

/**
 * Samples of a decoded PNG. A palette PNG is expanded to RGB, unlike a palette TIFF: PNG palettes
 * come from colour quantisers and screenshots, where the index is no intensity, while microscopy
 * TIFFs put a display LUT over real data.
 */
function pngSamples(png: DecodedPng): DecodedImage {
  const { width, height, depth, channels } = png;
  const raw = png.data;
  // fast-png returns Uint8ClampedArray for some 8-bit images; planes are plain Uint8Array.
  const data: TypedArray = depth < 8 ? unpackBits(raw, width, height, channels, depth)
    : raw instanceof Uint8ClampedArray ? new Uint8Array(raw.buffer, raw.byteOffset, raw.length) : raw;
  if (png.palette) {
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      const entry = png.palette[data[i]!] ?? [0, 0, 0];
      rgb.set([entry[0] ?? 0, entry[1] ?? 0, entry[2] ?? 0], i * 3);
    }
    return { width, height, data: rgb, samples: 3 };
  }
  return { width, height, data, samples: channels };
}

async function openJpeg(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile> {
  const bytes = await readWhole(probe.path);
  signal?.throwIfAborted();
  const decoded = await guard(probe.path, "decoding the JPEG", async () => {
    // Loaded on first use: libvips is large and most imports are not JPEG.
    const { default: sharp } = await import("sharp");
    // failOn "error": truncated or corrupt entropy data is an error, harmless warnings are not.
    const image = sharp(bytes, { failOn: "error", limitInputPixels: MAX_PIXELS });
    const meta = await image.metadata();
    // CMYK and other spaces become sRGB; grey stays one channel. Pixels stay as stored (no EXIF
    // rotation), as for TIFF.
    const pipeline = meta.channels === 1 || meta.space === "b-w" ? image.toColourspace("b-w") : image.toColourspace("srgb");
    return pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  });
  const { data, info } = decoded;
  const reader = new InterleavedImageReader(
    { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length), samples: info.channels },
    { name: displayName(probe.path), format: "JPEG" },
  );
  return { images: [reader], close: async () => {} };
}
