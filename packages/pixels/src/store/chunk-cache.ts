/**
 * Decoded chunks kept for a short while: a viewer asks for the same tiles again and again (panning
 * back, zooming out and in), and a render reads the same chunks as the raw reads of its channels.
 * Decoding a 512² zstd chunk costs ~1.5 ms; a hit costs nothing. Least recently used entries go
 * first once the total exceeds the byte budget.
 *
 * Cached arrays are shared: whoever gets one must not write to it (the region reader copies out
 * of them, or hands them only to read-only callers).
 *
 * Churn is not free: every chunk is a 512 KiB ArrayBuffer, and replacing cached ones keeps the
 * engine's external memory high, which triggers a full GC every few reads (measured: 20 instead
 * of 4 while streaming 48 planes through a 64 MiB cache, and ~30% slower). So reads that are
 * likely one-off (whole planes, bands) `offer` their chunks: a chunk is kept only when it is
 * offered a second time while still remembered.
 */
import type { TypedArray } from "../common/pixel-types.ts";

/** The default budget: 128 chunks of 512² uint16. */
export const DEFAULT_CHUNK_CACHE_BYTES = 64 * 2 ** 20;

/** How many offered keys are remembered; the memory is cleared when it fills. */
const REMEMBERED = 4096;

/** Decoded chunks by key, least recently used first out, within `maxBytes`. */
export class ChunkCache {
  readonly #entries = new Map<string, TypedArray>();
  readonly #offered = new Set<string>();
  #bytes = 0;

  constructor(readonly maxBytes: number = DEFAULT_CHUNK_CACHE_BYTES) {}

  get(key: string): TypedArray | undefined {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key); // re-insert: Map order is the LRU order
      this.#entries.set(key, hit);
    }
    return hit;
  }

  /** Keeps `data` under `key` unless it alone exceeds the budget; evicts the oldest to fit. */
  set(key: string, data: TypedArray): void {
    if (data.byteLength > this.maxBytes) return;
    this.#remove(key);
    this.#entries.set(key, data);
    this.#bytes += data.byteLength;
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest);
    }
  }

  /** Keeps `data` if `key` was offered before and is still remembered; returns whether it did. */
  offer(key: string, data: TypedArray): boolean {
    if (this.#offered.delete(key)) {
      this.set(key, data);
      return this.#entries.has(key);
    }
    if (this.#offered.size >= REMEMBERED) this.#offered.clear();
    this.#offered.add(key);
    return false;
  }

  /** Drops every entry whose key starts with `prefix` (an image that was deleted or closed). */
  evict(prefix: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#remove(key);
    for (const key of [...this.#offered]) if (key.startsWith(prefix)) this.#offered.delete(key);
  }

  get bytes(): number {
    return this.#bytes;
  }

  #remove(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#bytes -= old.byteLength;
  }
}
