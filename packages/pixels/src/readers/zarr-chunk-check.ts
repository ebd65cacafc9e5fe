/**
 * Integrity checks on OME-Zarr chunk files before zarrita decodes them. zarrita's Blosc decoder
 * (numcodecs wasm) returns zero-filled garbage for a truncated chunk instead of failing, and a
 * short uncompressed chunk would be misread; gzip, zlib and zstd detect damage themselves. So
 * the store wrapper checks the Blosc header's compressed size, or the raw chunk's exact length.
 */
import type FileSystemStore from "@zarrita/storage/fs";
import { unreadable } from "./reader-errors.ts";

/** How a chunk file's integrity can be checked before decoding. */
export type ChunkCheck = { kind: "blosc" } | { kind: "raw"; bytes: number } | { kind: "none" };

type Json = Record<string, unknown>;

const V3_ITEM_BYTES: Readonly<Record<string, number>> = {
  int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8, int64: 8, uint64: 8,
};

function product(shape: unknown): number | undefined {
  return Array.isArray(shape) && shape.every((n) => Number.isSafeInteger(n) && n > 0)
    ? (shape as number[]).reduce((a, b) => a * b, 1) : undefined;
}

/** The check for an array, from its `.zarray` (v2) or `zarr.json` (v3) document. */
export function chunkCheckOf(meta: Json, zarrFormat: 2 | 3): ChunkCheck {
  if (zarrFormat === 2) {
    const compressor = meta.compressor as Json | null | undefined;
    const filters = meta.filters as unknown[] | null | undefined;
    if (compressor && compressor.id === "blosc") return { kind: "blosc" };
    const item = Number(/^[<>|]?[uif](\d+)$/.exec(String(meta.dtype))?.[1]);
    const count = product(meta.chunks);
    if (!compressor && (!filters || filters.length === 0) && count && item) return { kind: "raw", bytes: count * item };
    return { kind: "none" };
  }
  const codecs = Array.isArray(meta.codecs) ? (meta.codecs as Json[]).map((c) => String(c.name)) : [];
  const grid = meta.chunk_grid as { configuration?: { chunk_shape?: unknown } } | undefined;
  const count = product(grid?.configuration?.chunk_shape);
  const item = V3_ITEM_BYTES[String(meta.data_type)];
  const layout = codecs.filter((n) => n !== "bytes" && n !== "transpose");
  if (layout.length === 1 && layout[0] === "blosc") return { kind: "blosc" };
  if (layout.length === 0 && count && item) return { kind: "raw", bytes: count * item };
  return { kind: "none" };
}

const METADATA = /(^|\/)(\.zarray|\.zattrs|\.zgroup|\.zmetadata|zarr\.json)$/;

/** A read-only store that checks chunk files of one array (`arrayPrefix`, e.g. "/0/"). */
export class CheckedChunkStore {
  constructor(
    private readonly inner: FileSystemStore,
    private readonly path: string,
    private readonly arrayPrefix: string,
    private readonly check: ChunkCheck,
  ) {}

  async get(key: `/${string}`, opts?: { signal?: AbortSignal }): Promise<Uint8Array | undefined> {
    const bytes = await this.inner.get(key, opts);
    if (bytes && key.startsWith(this.arrayPrefix) && !METADATA.test(key)) this.verify(key, bytes);
    return bytes;
  }

  private verify(key: string, bytes: Uint8Array): void {
    const chunk = key.slice(this.arrayPrefix.length);
    if (this.check.kind === "raw" && bytes.length !== this.check.bytes) {
      throw unreadable(this.path, `chunk ${chunk} has ${bytes.length} bytes, expected ${this.check.bytes} (truncated or damaged)`);
    }
    if (this.check.kind === "blosc") {
      // Blosc header: 16 bytes, the total compressed size (header included) as uint32 LE at 12.
      const cbytes = bytes.length >= 16 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true) : -1;
      if (cbytes !== bytes.length) {
        throw unreadable(this.path, `Blosc chunk ${chunk} has ${bytes.length} bytes but its header says ${cbytes} (truncated or damaged)`);
      }
    }
  }
}
