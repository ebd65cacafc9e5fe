/**
 * Exports a stored image as OME-TIFF: one page per plane in XYZCT order, strips (deflate or
 * uncompressed), the OME-XML in the first page. Streams 512-row bands from the store to disk,
 * so memory stays at one band whatever the image size. BigTIFF is used when the pixels could
 * pass 4 GiB.
 */
import { randomBytes } from "node:crypto";
import { endianness } from "node:os";
import { access, link, rm, unlink } from "node:fs/promises";
import { promisify } from "node:util";
import { deflate } from "node:zlib";
import type { ImageMetadata, PixelStore } from "@fovea/core";
import { FoveaError } from "@fovea/model";
import { bytesPerPixel, type PixelType } from "../common/pixel-types.ts";
import { buildOmeXml, pageIndex } from "./ome-xml.ts";
import { TiffWriter, type TiffPageHeader } from "./tiff-writer.ts";

const deflateAsync = promisify(deflate);

export interface OmeTiffOptions {
  /** Default `deflate`. */
  readonly compression?: "deflate" | "none" | undefined;
  /** Default `auto`: BigTIFF only when the file could pass 4 GiB. */
  readonly bigTiff?: boolean | "auto" | undefined;
  /** Channel colours (`RRGGBB`) to record, e.g. the current rendering; default the metadata's. */
  readonly colors?: readonly string[] | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Rows read from the store at once: one chunk row. */
const BAND = 512;
/** Uncompressed strip size to aim for; tifffile and geotiff read strips of this size quickly. */
const STRIP_BYTES = 256 * 1024;

const SAMPLE_FORMAT: Record<PixelType, 1 | 2 | 3> = {
  uint8: 1, uint16: 1, uint32: 1, int8: 2, int16: 2, int32: 2, float32: 3, float64: 3,
};

/**
 * Writes image `key` to `target` (which must not exist), using `meta` for the OME-XML: the
 * caller's current metadata, since names may have changed since import. The file appears only
 * when complete.
 */
export async function writeOmeTiff(store: PixelStore, key: string, meta: ImageMetadata, target: string, opts: OmeTiffOptions = {}): Promise<{ bytes: number; bigTiff: boolean }> {
  if (endianness() !== "LE") throw new FoveaError("INTERNAL", "OME-TIFF export assumes a little-endian host");
  await assertFree(target); // fail before the work, not after it
  const layout = await store.layout(key);
  const l0 = layout.levels[0]!;
  if (layout.pixelType !== meta.pixelType || l0.sizeX !== meta.sizeX || l0.sizeY !== meta.sizeY
    || layout.sizeZ !== meta.sizeZ || layout.sizeC !== meta.sizeC || layout.sizeT !== meta.sizeT) {
    throw new FoveaError("VALIDATION_FAILED", `metadata of ${key} does not match its stored pixels`, { details: [{ field: "meta", message: "sizes or pixel type differ from the store" }] });
  }
  const bpp = bytesPerPixel(meta.pixelType);
  const rowBytes = meta.sizeX * bpp;
  const planes = meta.sizeZ * meta.sizeC * meta.sizeT;
  const rawBytes = rowBytes * meta.sizeY * planes;
  // Deflate can expand incompressible data slightly; keep a margin for that and for the IFDs.
  const bigTiff = opts.bigTiff === true || (opts.bigTiff !== false && rawBytes * 1.01 + planes * 4096 + 2 ** 20 > 0xffffffff);
  const rowsPerStrip = Math.min(meta.sizeY, stripRows(rowBytes));
  const header: Omit<TiffPageHeader, "description"> = {
    width: meta.sizeX, height: meta.sizeY, bitsPerSample: (bpp * 8) as TiffPageHeader["bitsPerSample"],
    sampleFormat: SAMPLE_FORMAT[meta.pixelType], rowsPerStrip, compression: opts.compression === "none" ? 1 : 8,
  };
  const part = `${target}.part-${randomBytes(4).toString("hex")}`;
  const tiff = await TiffWriter.create(part, bigTiff);
  let bytes = 0;
  try {
    for (let page = 0; page < planes; page++) {
      const { z, c, t } = planeOf(meta, page);
      await writePlaneStrips(store, key, { z, c, t }, meta, header, tiff, opts.signal);
      await tiff.endPage(page === 0 ? { ...header, description: buildOmeXml(meta, opts.colors) } : header);
    }
    bytes = await tiff.close();
    await renameNew(part, target);
  } catch (err) {
    await tiff.close().catch(() => undefined);
    await rm(part, { force: true });
    throw err;
  }
  return { bytes, bigTiff };
}

/** A power of two ≤ 512 (so strips tile a 512-row band exactly) near STRIP_BYTES. */
function stripRows(rowBytes: number): number {
  let rows = BAND;
  while (rows > 1 && rows * rowBytes > STRIP_BYTES) rows /= 2;
  return rows;
}

function planeOf(meta: ImageMetadata, page: number): { z: number; c: number; t: number } {
  const z = page % meta.sizeZ;
  const c = Math.floor(page / meta.sizeZ) % meta.sizeC;
  const t = Math.floor(page / (meta.sizeZ * meta.sizeC));
  if (pageIndex(meta, z, c, t) !== page) throw new Error("page order mismatch"); // guards DIMENSION_ORDER edits
  return { z, c, t };
}

async function writePlaneStrips(
  store: PixelStore, key: string, at: { z: number; c: number; t: number }, meta: ImageMetadata,
  header: Omit<TiffPageHeader, "description">, tiff: TiffWriter, signal?: AbortSignal,
): Promise<void> {
  const rowBytes = meta.sizeX * bytesPerPixel(meta.pixelType);
  for (let y = 0; y < meta.sizeY; y += BAND) {
    signal?.throwIfAborted();
    const height = Math.min(BAND, meta.sizeY - y);
    const band = await store.readRegion(key, 0, at.z, at.c, at.t, { x: 0, y, width: meta.sizeX, height }, signal);
    const raw = new Uint8Array(band.data.buffer, band.data.byteOffset, band.data.byteLength);
    const strips: Uint8Array[] = [];
    for (let r = 0; r < height; r += header.rowsPerStrip) {
      strips.push(raw.subarray(r * rowBytes, Math.min(height, r + header.rowsPerStrip) * rowBytes));
    }
    // Deflate runs on libuv's thread pool: compress a band's strips in parallel, write in order.
    const encoded = header.compression === 8 ? await Promise.all(strips.map((s) => deflateAsync(s))) : strips;
    for (const s of encoded) await tiff.writeStrip(s);
  }
}

/** Publishes `from` as `to` unless `to` exists: link() fails atomically where rename() would replace. */
async function renameNew(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") throw new FoveaError("CONFLICT", `${to} already exists`);
    throw err;
  }
  await unlink(from);
}

async function assertFree(path: string): Promise<void> {
  if (await access(path).then(() => true, () => false)) throw new FoveaError("CONFLICT", `${path} already exists`);
}
