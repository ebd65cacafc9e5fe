/**
 * The integer path of renderRgb, for 8- and 16-bit planes: per channel, a table gives the RGB
 * contribution of each raw value in fixed point (S fraction bits), so a pixel costs one table
 * row and three integer adds per channel and one shift per component. Isomorphic: no Node APIs.
 *
 * Exactness. An entry is T = floor(p · 2^S), where p = q · w is the very product the float
 * formula adds. With one channel, floor((T + 2^(S−1)) / 2^S) = floor(p + ½) = Math.round(p), bit
 * for bit. With n channels the truncations lose less than n units of 2^−S in total, and the float
 * formula's own sum is off the exact sum of the p by far less than one unit, so the two results
 * can only differ when the fixed-point sum lies within n + 1 units below a rounding boundary, or
 * exactly on one when three or more channels add to the component and one of them lost only a
 * sliver (with one or two, the float sum is rounded once, monotonically, so it cannot fall below
 * a boundary the exact sum reaches). Such components (a few per million) are recomputed with the
 * float formula, so the output equals it for every input, not just the inputs a test tries.
 */
import { windowIntensity, type ActiveChannel } from "./render-channel.ts";

/** A channel's table: immutable once built, so renders with the same settings share it. */
interface Table {
  /** Offset-binary value of entry 0 (see `flip`), and the last entry; values outside clamp onto the ends. */
  readonly lo: number;
  readonly last: number;
  /** Three entries (r, g, b) per value. */
  readonly entries: Int32Array;
  /** Bit c set: some entry of component c dropped only a sliver (see `sliver`). */
  readonly risky: number;
}

/** A table and the plane it reads. */
interface TableChannel extends Table {
  /** The plane as unsigned 16-bit (a view), or its 8-bit values, widened a block at a time. */
  readonly u16: Uint16Array | undefined;
  readonly bytes: Uint8Array | Int8Array | undefined;
  /** XOR that turns a 16-bit pattern into offset binary: 0x8000 for signed data, else 0. */
  readonly flip: number;
}

/**
 * Above this window width the formula's rounding could make q wobble at 0 or 1 outside the
 * window, and a table clipped to the window would not be exact there (see tableRange).
 */
const MAX_WINDOW_WIDTH = 2 ** 40;

/** Below this many fraction bits (only with thousands of channels) the fallback would dominate. */
const MIN_SHIFT = 12;

/** Pixels per block: a 3 × 8192 Int32 accumulator (96 KiB) stays in cache. */
const BLOCK = 8192;

/**
 * Renders with tables when every channel is 8/16-bit and its table is small next to the pixel
 * count (a 64 Ki-entry table for a 40² tile costs more than the direct formula). Returns false,
 * having written nothing, when the float path must be used instead.
 */
export function renderFixedPoint(active: readonly ActiveChannel[], pixelCount: number, out: Uint8Array): boolean {
  const n = active.length;
  // The most fraction bits for which n full-scale entries, ½ and the flag margin stay below 2^30:
  // the engine's small-integer range, beyond which its adds fall back to float64 (twice as slow).
  const shift = Math.floor(Math.log2((2 ** 30 - n - 2) / (255 * n + 0.5)));
  if (shift < MIN_SHIFT) return false;
  const tables: TableChannel[] = [];
  for (const ch of active) {
    const t = buildTable(ch, shift, n, Math.max(256, 2 * pixelCount));
    if (!t) return false;
    tables.push(t);
  }
  const margin = n + 1;
  const limit = n > 1 && tables.some((t) => t.risky) ? margin : margin - 1;
  const acc = new Int32Array(Math.min(BLOCK, pixelCount) * 3); // stays zero when n = 1
  const wide = tables.some((t) => t.bytes) ? new Uint16Array(Math.min(BLOCK, pixelCount)) : undefined;
  for (let from = 0; from < pixelCount; from += BLOCK) {
    const count = Math.min(BLOCK, pixelCount - from);
    let flagged: number[] | undefined;
    tables.forEach((t, k) => {
      let plane = t.u16;
      let at = from;
      if (!plane) {
        // A native, exact conversion; int8 lands as its int16 bit pattern, hence flip 0x8000.
        wide!.set(t.bytes!.subarray(from, from + count));
        [plane, at] = [wide!, 0];
      }
      if (k === n - 1) flagged = addLast(plane, at, count, t.flip, t.lo, t.last, t.table, acc, out, from * 3, shift, margin, limit);
      else if (k === 0) addFirst(plane, at, count, t.flip, t.lo, t.last, t.table, acc);
      else addMiddle(plane, at, count, t.flip, t.lo, t.last, t.table, acc);
    });
    for (const i of flagged ?? []) out[from * 3 + i] = exactComponent(active, from + Math.floor(i / 3), i % 3);
  }
  return true;
}

function buildTable(ch: ActiveChannel, shift: number, n: number, maxEntries: number): TableChannel | undefined {
  const p = ch.plane;
  const signed = p instanceof Int8Array || p instanceof Int16Array;
  const bits = p instanceof Uint8Array || p instanceof Int8Array ? 8 : p instanceof Uint16Array || p instanceof Int16Array ? 16 : 0;
  if (bits === 0) return undefined;
  const range = tableRange(ch, signed ? -(2 ** (bits - 1)) : 0, signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1);
  if (!range || range.hi - range.lo + 1 > maxEntries) return undefined;
  const size = range.hi - range.lo + 1;
  const table = new Int32Array(size * 3);
  const scale = 2 ** shift;
  // A sum exactly on a boundary is only suspect if some entry dropped less than the float
  // formula's own rounding error, (n − 1) · 255n · 2^−53 (in units of 2^−S here, generously).
  const sliver = n * n * 255 * 2 ** (shift - 52);
  let risky = false;
  const { start, scale: windowScale, degenerate, inverted, weights } = ch;
  for (let k = 0; k < size; k++) {
    const q = windowIntensity(range.lo + k, start, windowScale, degenerate, inverted);
    for (let c = 0; c < 3; c++) {
      const x = q * weights[c]! * scale; // (q · w) first, as the formula; · 2^S is exact
      const t = Math.floor(x);
      table[3 * k + c] = t;
      if (x !== t && x - t < sliver) risky = true;
    }
  }
  const bias = signed ? 0x8000 : 0; // int8 and int16 both end up as int16 bit patterns
  return {
    u16: bits === 16 ? new Uint16Array(p.buffer, p.byteOffset, p.length) : undefined,
    bytes: bits === 8 ? (p as Uint8Array | Int8Array) : undefined,
    flip: bias,
    lo: range.lo + bias,
    last: size - 1,
    table,
    risky,
  };
}

/**
 * The values that need an entry: the window plus one value either side, within the type. Every
 * value below (above) that has the intensity of the first (last) entry: one step outside the
 * window the exact q is ≤ 0 or ≥ 1 + 1/width, a margin the formula's rounding (~4 · 2^−53
 * relative) cannot cross while the width is below MAX_WINDOW_WIDTH.
 */
function tableRange(ch: ActiveChannel, typeMin: number, typeMax: number): { lo: number; hi: number } | undefined {
  const { start, end } = ch;
  if (!Number.isFinite(start) || !Number.isFinite(end) || Math.abs(end - start) > MAX_WINDOW_WIDTH) return undefined;
  const clamp = (v: number) => (v < typeMin ? typeMin : v > typeMax ? typeMax : v);
  return { lo: clamp(Math.floor(Math.min(start, end)) - 1), hi: clamp(Math.ceil(Math.max(start, end)) + 1) };
}

// The first channel stores, the middle ones add, the last adds and rounds: one pass over the
// accumulator fewer than add-then-round, and no clearing.

function addFirst(plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, table: Int32Array, acc: Int32Array): void {
  for (let p = at, a = 0, end = at + count; p < end; p++, a += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    acc[a] = table[i]!;
    acc[a + 1] = table[i + 1]!;
    acc[a + 2] = table[i + 2]!;
  }
}

function addMiddle(plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, table: Int32Array, acc: Int32Array): void {
  for (let p = at, a = 0, end = at + count; p < end; p++, a += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    acc[a] = acc[a]! + table[i]!;
    acc[a + 1] = acc[a + 1]! + table[i + 1]!;
    acc[a + 2] = acc[a + 2]! + table[i + 2]!;
  }
}

/**
 * Adds the last channel and writes min(255, round(sum / 2^S)) to `out` from `outAt`. Returns the
 * components (indices into the block) whose sums lie in the suspect band: low bits within
 * `margin` below 2^S, or (when `limit` = `margin`) exactly 0.
 */
function addLast(
  plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, table: Int32Array, acc: Int32Array,
  out: Uint8Array, outAt: number, shift: number, margin: number, limit: number,
): number[] | undefined {
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  const above = limit + 1;
  let flagged: number[] | undefined;
  for (let p = at, a = 0, j = outAt, end = at + count; p < end; p++, a += 3, j += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    const r = acc[a]! + table[i]! + half;
    const g = acc[a + 1]! + table[i + 1]! + half;
    const b = acc[a + 2]! + table[i + 2]! + half;
    // One test for the three: a component is suspect when its low bits + margin (mod 2^S) ≤ limit.
    if ((((r + margin) & mask) - above | ((g + margin) & mask) - above | ((b + margin) & mask) - above) < 0) {
      (flagged ??= []).push(a, a + 1, a + 2);
    }
    const R = r >> shift;
    const G = g >> shift;
    const B = b >> shift;
    out[j] = R > 255 ? 255 : R;
    out[j + 1] = G > 255 ? 255 : G;
    out[j + 2] = B > 255 ? 255 : B;
  }
  return flagged;
}

/** Component `c` of pixel `p` by the float formula: Σ q · w in channel order, rounded, clamped. */
function exactComponent(active: readonly ActiveChannel[], p: number, c: number): number {
  let s = 0;
  for (const ch of active) s = s + windowIntensity(ch.plane[p]!, ch.start, ch.scale, ch.degenerate, ch.inverted) * ch.weights[c]!;
  return s >= 255 ? 255 : Math.round(s);
}
