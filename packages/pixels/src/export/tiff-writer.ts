/**
 * A minimal streaming TIFF writer: little-endian, one grey sample per pixel, strips, classic TIFF
 * or BigTIFF. Pages are appended as their strips arrive (strip data, then the page's IFD), so an
 * image of any size is written holding only the strips in hand. A writer, not a codec: strips
 * come in already compressed. Written because sharp cannot emit multi-page OME-TIFF.
 */
import { open, type FileHandle } from "node:fs/promises";

export interface TiffPageHeader {
  readonly width: number;
  readonly height: number;
  readonly bitsPerSample: 8 | 16 | 32 | 64;
  /** 1 unsigned integer, 2 signed integer, 3 IEEE float. */
  readonly sampleFormat: 1 | 2 | 3;
  readonly rowsPerStrip: number;
  /** 1 none, 8 Adobe deflate (zlib stream). */
  readonly compression: 1 | 8;
  readonly description?: string | undefined;
}

const ASCII = 2, SHORT = 3, LONG = 4, LONG8 = 16;
const TYPE_SIZE: Record<number, number> = { [ASCII]: 1, [SHORT]: 2, [LONG]: 4, [LONG8]: 8 };

interface Entry {
  tag: number;
  type: number;
  values: readonly number[] | Uint8Array;
}

export class TiffWriter {
  #pos: number;
  /** Where the offset of the next IFD must be written: the header, then each IFD's last field. */
  #linkAt: number;
  #offsets: number[] = [];
  #counts: number[] = [];

  private constructor(private readonly fh: FileHandle, private readonly big: boolean) {
    this.#pos = big ? 16 : 8;
    this.#linkAt = big ? 8 : 4;
  }

  static async create(path: string, bigTiff: boolean): Promise<TiffWriter> {
    const fh = await open(path, "wx");
    const header = Buffer.alloc(bigTiff ? 16 : 8);
    header.write("II", 0, "latin1");
    if (bigTiff) {
      header.writeUInt16LE(43, 2);
      header.writeUInt16LE(8, 4); // bytes per offset
    } else {
      header.writeUInt16LE(42, 2);
    }
    await fh.write(header, 0, header.length, 0);
    return new TiffWriter(fh, bigTiff);
  }

  /** Appends one strip of the current page. */
  async writeStrip(bytes: Uint8Array): Promise<void> {
    this.#offsets.push(this.#pos);
    this.#counts.push(bytes.length);
    await this.#append(bytes);
  }

  /** Writes the IFD of the page whose strips were just written, and links it into the chain. */
  async endPage(h: TiffPageHeader): Promise<void> {
    const entries: Entry[] = [
      { tag: 254, type: LONG, values: [0] },
      { tag: 256, type: LONG, values: [h.width] },
      { tag: 257, type: LONG, values: [h.height] },
      { tag: 258, type: SHORT, values: [h.bitsPerSample] },
      { tag: 259, type: SHORT, values: [h.compression] },
      { tag: 262, type: SHORT, values: [1] }, // BlackIsZero
      ...(h.description === undefined ? [] : [{ tag: 270, type: ASCII, values: Buffer.from(`${h.description}\0`, "utf8") }]),
      { tag: 273, type: this.big ? LONG8 : LONG, values: this.#offsets },
      { tag: 277, type: SHORT, values: [1] },
      { tag: 278, type: LONG, values: [h.rowsPerStrip] },
      { tag: 279, type: LONG, values: this.#counts },
      { tag: 284, type: SHORT, values: [1] },
      { tag: 305, type: ASCII, values: Buffer.from("Fovea\0", "latin1") },
      { tag: 339, type: SHORT, values: [h.sampleFormat] },
    ];
    // Values too long for their entry go first; the IFD follows on a word boundary.
    const inline = this.big ? 8 : 4;
    const fields: Buffer[] = [];
    for (const e of entries) {
      const data = encode(e);
      if (data.length > inline) {
        await this.#align();
        fields.push(this.#entry(e, offsetBytes(this.#pos, inline)));
        await this.#append(data);
      } else {
        fields.push(this.#entry(e, Buffer.concat([data, Buffer.alloc(inline - data.length)])));
      }
    }
    await this.#align();
    const ifdAt = this.#pos;
    const count = Buffer.alloc(this.big ? 8 : 2);
    if (this.big) count.writeBigUInt64LE(BigInt(entries.length));
    else count.writeUInt16LE(entries.length);
    const next = Buffer.alloc(inline); // zero: the last page until another links after it
    await this.#append(Buffer.concat([count, ...fields, next]));
    await this.fh.write(offsetBytes(ifdAt, inline), 0, inline, this.#linkAt);
    this.#linkAt = this.#pos - inline;
    this.#offsets = [];
    this.#counts = [];
  }

  async close(): Promise<number> {
    await this.fh.close();
    return this.#pos;
  }

  #entry(e: Entry, value: Buffer): Buffer {
    const b = Buffer.alloc(this.big ? 12 : 8);
    b.writeUInt16LE(e.tag, 0);
    b.writeUInt16LE(e.type, 2);
    if (this.big) b.writeBigUInt64LE(BigInt(e.values.length), 4);
    else b.writeUInt32LE(e.values.length, 4);
    return Buffer.concat([b, value]);
  }

  async #append(bytes: Uint8Array): Promise<void> {
    if (!this.big && this.#pos + bytes.length > 0xffffffff) {
      throw new RangeError("classic TIFF is limited to 4 GiB: write this image as BigTIFF");
    }
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.fh.write(bytes, done, bytes.length - done, this.#pos + done);
      done += bytesWritten;
    }
    this.#pos += bytes.length;
  }

  async #align(): Promise<void> {
    if (this.#pos % 2 === 1) await this.#append(new Uint8Array(1));
  }
}

function encode(e: Entry): Buffer {
  if (e.values instanceof Uint8Array) return Buffer.from(e.values);
  const size = TYPE_SIZE[e.type]!;
  const b = Buffer.alloc(size * e.values.length);
  e.values.forEach((v, i) => {
    if (size === 2) b.writeUInt16LE(v, 2 * i);
    else if (size === 4) b.writeUInt32LE(v, 4 * i);
    else b.writeBigUInt64LE(BigInt(v), 8 * i);
  });
  return b;
}

function offsetBytes(offset: number, size: number): Buffer {
  const b = Buffer.alloc(size);
  if (size === 8) b.writeBigUInt64LE(BigInt(offset));
  else b.writeUInt32LE(offset);
  return b;
}
