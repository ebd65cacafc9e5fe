/**
 * A geotiff byte source over our PositionedFile. geotiff's own `fromFile` source ignores short
 * reads and hands back zero-filled buffers, so a truncated TIFF would import as black pixels;
 * this one refuses ranges that start past the end and returns only the bytes that exist, so
 * geotiff's DataViews fail (and we report FILE_UNREADABLE) instead of reading zeros.
 */
import { GeoTIFF } from "geotiff";
import type { PositionedFile } from "./positioned-file.ts";
import { unreadable } from "./reader-errors.ts";

interface Slice {
  offset: number;
  length: number;
}

class TiffByteSource {
  constructor(private readonly file: PositionedFile) {}

  get fileSize(): number {
    return this.file.size;
  }

  async fetch(slices: Slice[], signal?: AbortSignal): Promise<ArrayBuffer[]> {
    return Promise.all(slices.map(async ({ offset, length }) => {
      signal?.throwIfAborted();
      if (!Number.isSafeInteger(offset) || offset < 0 || offset >= this.file.size) {
        throw unreadable(this.file.path, `the TIFF structure points to byte ${offset}, past the end of the file (${this.file.size} bytes)`);
      }
      // geotiff asks for 1 KiB at a time around IFDs, which may run past the end legitimately.
      const bytes = await this.file.read(offset, Math.min(length, this.file.size - offset), "TIFF data");
      return bytes.buffer as ArrayBuffer;
    }));
  }

  async close(): Promise<void> {
    await this.file.close();
  }
}

/**
 * Parses the TIFF header through our source. The IFD parser is switched to eager mode: geotiff
 * 3.0.5 decodes its lazily loaded tag arrays (StripOffsets and the like, when they lie outside
 * the first KiB of an IFD) as little-endian whatever the file's byte order, which silently breaks
 * big-endian files with many strips; eager loading goes through the byte-order-aware path.
 */
export async function openGeoTiff(file: PositionedFile, signal?: AbortSignal): Promise<GeoTIFF> {
  const source = new TiffByteSource(file) as unknown as Parameters<typeof GeoTIFF.fromSource>[0];
  const tiff = await GeoTIFF.fromSource(source, { cache: false }, signal);
  tiff.parser.eager = true;
  return tiff;
}
