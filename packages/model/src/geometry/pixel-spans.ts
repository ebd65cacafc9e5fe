/**
 * The pixels of a shape as row spans: a compact form for big areas that still lists every pixel.
 * Span i covers pixels (x, y) with y = spans[3i] and spans[3i+1] ≤ x < spans[3i+2]. Spans are sorted
 * by row, then by column, never overlap and never touch within a row (touching runs are merged).
 */
export interface PixelSpans {
  /** Packed [y, xStart, xEnd) triples. */
  readonly spans: Int32Array;
  /** Number of pixels. */
  readonly count: number;
  /** The smallest rectangle holding every pixel; null when there is none. */
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
}

/** Collects spans row by row (rows ascending, spans within a row ascending) and merges touching ones. */
export class SpanBuilder {
  #data: number[] = [];
  #count = 0;
  #minX = Infinity;
  #maxX = -Infinity;
  #minY = Infinity;
  #maxY = -Infinity;

  /** Adds [x0, x1) on row y; empty spans are ignored. */
  add(y: number, x0: number, x1: number): void {
    if (x1 <= x0) return;
    const d = this.#data;
    const n = d.length;
    if (n > 0 && d[n - 3] === y && d[n - 1]! >= x0) {
      // Overlapping or touching the previous span of the same row: extend it.
      const prevEnd = d[n - 1]!;
      if (x1 > prevEnd) {
        this.#count += x1 - prevEnd;
        d[n - 1] = x1;
      }
    } else {
      d.push(y, x0, x1);
      this.#count += x1 - x0;
    }
    if (x0 < this.#minX) this.#minX = x0;
    if (x1 - 1 > this.#maxX) this.#maxX = x1 - 1;
    if (y < this.#minY) this.#minY = y;
    if (y > this.#maxY) this.#maxY = y;
  }

  build(): PixelSpans {
    const bounds = this.#count === 0 ? null
      : { x: this.#minX, y: this.#minY, width: this.#maxX - this.#minX + 1, height: this.#maxY - this.#minY + 1 };
    return { spans: Int32Array.from(this.#data), count: this.#count, bounds };
  }
}

/** Calls `fn` for every pixel, row by row. */
export function forEachPixel(pixels: PixelSpans, fn: (x: number, y: number) => void): void {
  const s = pixels.spans;
  for (let i = 0; i < s.length; i += 3) {
    const y = s[i]!;
    for (let x = s[i + 1]!; x < s[i + 2]!; x++) fn(x, y);
  }
}

/** Every pixel as an [x, y] pair, row by row (for tests and small shapes). */
export function pixelList(pixels: PixelSpans): [number, number][] {
  const out: [number, number][] = [];
  forEachPixel(pixels, (x, y) => out.push([x, y]));
  return out;
}

/**
 * Spans from a set of single pixels (lines, points): sorted row-major, duplicates dropped.
 * Keys are y * sizeX + x of pixels already clipped to the image.
 */
export function spansFromPixelKeys(keys: Iterable<number>, sizeX: number): PixelSpans {
  const sorted = Float64Array.from(keys).sort();
  const b = new SpanBuilder();
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    if (i > 0 && sorted[i - 1] === k) continue;
    const y = Math.floor(k / sizeX);
    const x = k - y * sizeX;
    b.add(y, x, x + 1);
  }
  return b.build();
}
