/**
 * A minimal uncompressed TIFF/BigTIFF writer for tests: both byte orders, strips or tiles, chunky
 * or planar samples, any SampleFormat, extra tags. It writes structure only (no codec), so tests
 * can build exactly the odd files they need; compressed TIFFs come from sharp.
 */
import type { TypedArray } from "@fovea/model";

export interface TagSpec {
  tag: number;
  /** TIFF field type: 1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 16 LONG8. */
  type: number;
  values: number[] | string;
}

export interface PageSpec {
  width: number;
  height: number;
  /** Samples, chunky (interleaved) unless planar = 2 (all of sample 0, then sample 1, …). */
  data: TypedArray;
  samplesPerPixel?: number;
  bits: 8 | 16 | 32 | 64;
  sampleFormat?: 1 | 2 | 3;
  photometric?: number;
  planar?: 1 | 2;
  /** Square tile edge (a multiple of 16), else strips of `rowsPerStrip` rows. */
  tile?: number;
  rowsPerStrip?: number;
  description?: string;
  newSubfileType?: number;
  extraTags?: TagSpec[];
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 16: 8 };

class ByteWriter {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;
  constructor(readonly le: boolean) {}

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  put(size: number, write: (v: DataView, at: number) => void): number {
    this.ensure(size);
    const at = this.length;
    write(this.view, at);
    this.length += size;
    return at;
  }

  u8 = (v: number) => this.put(1, (d, a) => d.setUint8(a, v));
  u16 = (v: number) => this.put(2, (d, a) => d.setUint16(a, v, this.le));
  u32 = (v: number) => this.put(4, (d, a) => d.setUint32(a, v, this.le));
  u64 = (v: number) => this.put(8, (d, a) => d.setBigUint64(a, BigInt(v), this.le));
  align(): void { if (this.length % 2) this.u8(0); }
  patch(at: number, size: 1 | 2 | 4 | 8, v: number): void {
    if (size === 1) this.view.setUint8(at, v);
    else if (size === 2) this.view.setUint16(at, v, this.le);
    else if (size === 4) this.view.setUint32(at, v, this.le);
    else this.view.setBigUint64(at, BigInt(v), this.le);
  }
  bytes(): Uint8Array { return this.buf.slice(0, this.length); }
}

function writeSample(w: ByteWriter, v: number, bits: number, format: number): void {
  const size = bits / 8;
  w.put(size, (d, a) => {
    if (format === 3) return bits === 32 ? d.setFloat32(a, v, w.le) : d.setFloat64(a, v, w.le);
    if (size === 1) return format === 2 ? d.setInt8(a, v) : d.setUint8(a, v);
    if (size === 2) return format === 2 ? d.setInt16(a, v, w.le) : d.setUint16(a, v, w.le);
    return format === 2 ? d.setInt32(a, v, w.le) : d.setUint32(a, v, w.le);
  });
}

/** Writes the pixel blocks of a page; returns their offsets and byte counts. */
function writeBlocks(w: ByteWriter, p: PageSpec): { offsets: number[]; counts: number[] } {
  const spp = p.samplesPerPixel ?? 1;
  const planar = p.planar ?? 1;
  const format = p.sampleFormat ?? 1;
  const bw = p.tile ?? p.width;
  const bh = p.tile ?? Math.min(p.rowsPerStrip ?? p.height, p.height);
  const offsets: number[] = [];
  const counts: number[] = [];
  const planes = planar === 2 ? spp : 1;
  const perBlock = planar === 2 ? 1 : spp;
  for (let s = 0; s < planes; s++) {
    for (let by = 0; by < p.height; by += bh) {
      for (let bx = 0; bx < p.width; bx += bw) {
        const start = w.length;
        const rows = p.tile ? bh : Math.min(bh, p.height - by);
        for (let y = by; y < by + rows; y++) for (let x = bx; x < bx + bw; x++) for (let k = 0; k < perBlock; k++) {
          const inside = x < p.width && y < p.height;
          const i = planar === 2 ? s * p.width * p.height + y * p.width + x : (y * p.width + x) * spp + k;
          writeSample(w, inside ? Number(p.data[i]) : 0, p.bits, format);
        }
        offsets.push(start);
        counts.push(w.length - start);
      }
    }
  }
  return { offsets, counts };
}

export function writeTiff(pages: PageSpec[], options: { littleEndian?: boolean; bigTiff?: boolean } = {}): Uint8Array {
  const le = options.littleEndian ?? true;
  const big = options.bigTiff ?? false;
  const w = new ByteWriter(le);
  w.u8(le ? 0x49 : 0x4d); w.u8(le ? 0x49 : 0x4d);
  w.u16(big ? 43 : 42);
  if (big) { w.u16(8); w.u16(0); }
  let nextPointer = big ? w.u64(0) : w.u32(0);
  const offSize = big ? 8 : 4;
  for (const p of pages) {
    const { offsets, counts } = writeBlocks(w, p);
    const spp = p.samplesPerPixel ?? 1;
    const long = big ? 16 : 4;
    const tags: TagSpec[] = [
      ...(p.newSubfileType !== undefined ? [{ tag: 254, type: 4, values: [p.newSubfileType] }] : []),
      { tag: 256, type: 4, values: [p.width] }, { tag: 257, type: 4, values: [p.height] },
      { tag: 258, type: 3, values: Array(spp).fill(p.bits) }, { tag: 259, type: 3, values: [1] },
      { tag: 262, type: 3, values: [p.photometric ?? (spp >= 3 ? 2 : 1)] },
      // ASCII fields carry UTF-8 in practice (OME-XML's "µm"), as geotiff and tifffile read them.
      ...(p.description !== undefined ? [{ tag: 270, type: 2, values: [...new TextEncoder().encode(p.description), 0] }] : []),
      { tag: 277, type: 3, values: [spp] }, { tag: 284, type: 3, values: [p.planar ?? 1] },
      { tag: 339, type: 3, values: Array(spp).fill(p.sampleFormat ?? 1) },
      ...(p.tile
        ? [{ tag: 322, type: 4, values: [p.tile] }, { tag: 323, type: 4, values: [p.tile] },
          { tag: 324, type: long, values: offsets }, { tag: 325, type: long, values: counts }]
        : [{ tag: 273, type: long, values: offsets }, { tag: 278, type: 4, values: [Math.min(p.rowsPerStrip ?? p.height, p.height)] },
          { tag: 279, type: long, values: counts }]),
      ...(p.extraTags ?? []),
    ].sort((a, b) => a.tag - b.tag);
    w.align();
    const ifd = w.length;
    w.patch(nextPointer, offSize, ifd);
    if (big) w.u64(tags.length); else w.u16(tags.length);
    const deferred: { at: number; tag: TagSpec }[] = [];
    for (const t of tags) {
      const count = typeof t.values === "string" ? t.values.length : t.type === 5 ? t.values.length / 2 : t.values.length;
      w.u16(t.tag); w.u16(t.type);
      if (big) w.u64(count); else w.u32(count);
      const at = w.length;
      if (big) w.u64(0); else w.u32(0);
      deferred.push({ at, tag: t });
    }
    nextPointer = big ? w.u64(0) : w.u32(0);
    for (const { at, tag } of deferred) {
      const size = TYPE_SIZE[tag.type]! * (typeof tag.values === "string" ? tag.values.length : tag.type === 5 ? tag.values.length / 2 : tag.values.length);
      const inline = size <= offSize;
      const writeValues = (pos: number) => {
        const vals = typeof tag.values === "string" ? Array.from(tag.values, (c) => c.charCodeAt(0)) : tag.values;
        const step = (tag.type === 5 ? 4 : TYPE_SIZE[tag.type]!) as 1 | 2 | 4 | 8;
        vals.forEach((v, k) => w.patch(pos + k * step, step, v));
      };
      if (inline) {
        writeValues(at);
      } else {
        w.align();
        const data = w.put(size, () => {});
        writeValues(data);
        w.patch(at, offSize as 4 | 8, data);
      }
    }
  }
  return w.bytes();
}
