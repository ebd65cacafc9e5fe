/**
 * The integer path of renderRgb, for 8- and 16-bit planes: per channel, a table (render-table.ts)
 * gives the RGB contribution of each raw value in fixed point with S fraction bits, so a pixel
 * costs one table row and three integer adds per channel, and a shift per component.
 * Isomorphic: no Node APIs.
 *
 * Exactness. An entry is T = floor(p · 2^S), where p = q · w is the very product the float formula
 * adds. With one contributing channel, floor((T + 2^(S−1)) / 2^S) = floor(p + ½) = Math.round(p),
 * bit for bit. With k contributors, the truncations lose less than k units of 2^−S and the float
 * formula's sum is off the exact sum of the p by far less than one unit, so the two can only differ
 * when the fixed-point sum lies within k + 1 units below a rounding boundary, or exactly on one
 * when k ≥ 3 and some entry dropped less than the float sum's rounding error. (With k ≤ 2 the
 * float sum is rounded once, monotonically, so it cannot fall below a boundary the exact sum
 * reaches.) Those components, a few per million, are recomputed with the float formula: the
 * output equals it for every input, not just for the inputs a test tries.
 */
import { windowIntensity, type ActiveChannel } from "./render-channel.ts";
import { tableFor, type Table } from "./render-table.ts";

/** A table and the plane it reads. */
interface TableChannel {
  readonly table: Table;
  /** The plane as unsigned 16-bit (a view), or its 8-bit values, widened a block at a time. */
  readonly u16: Uint16Array | undefined;
  readonly bytes: Uint8Array | Int8Array | undefined;
  /** XOR that turns a 16-bit pattern into offset binary: 0x8000 for signed data, else 0. */
  readonly flip: number;
}

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
  // The most fraction bits for which n full-scale entries, ½ and the flag margin stay below 2^30,
  // the engine's small-integer range: beyond it its adds fall back to float64.
  const shift = Math.floor(Math.log2((2 ** 30 - n - 2) / (255 * n + 0.5)));
  if (shift < MIN_SHIFT) return false;
  const channels: TableChannel[] = [];
  for (const ch of active) {
    const c = tableChannel(ch, shift, Math.max(256, 2 * pixelCount));
    if (!c) return false;
    channels.push(c);
  }
  const bands = suspectBands(active, channels, shift);
  const acc = new Int32Array(Math.min(BLOCK, pixelCount) * 3); // all zero, and stays so, when n = 1
  const wide = channels.some((c) => c.bytes) ? new Uint16Array(Math.min(BLOCK, pixelCount)) : undefined;
  for (let from = 0; from < pixelCount; from += BLOCK) {
    const count = Math.min(BLOCK, pixelCount - from);
    let flagged: number[] | undefined;
    channels.forEach((c, k) => {
      let plane = c.u16;
      let at = from;
      if (!plane) {
        // A native, exact conversion; int8 lands as its int16 bit pattern, hence flip 0x8000.
        plane = wide!;
        plane.set(c.bytes!.subarray(from, from + count));
        at = 0;
      }
      const { lo, last, entries } = c.table;
      if (k === n - 1) flagged = addLast(plane, at, count, c.flip, lo, last, entries, acc, out, from * 3, shift, bands);
      else if (k === 0) addFirst(plane, at, count, c.flip, lo, last, entries, acc);
      else addMiddle(plane, at, count, c.flip, lo, last, entries, acc);
    });
    for (const i of flagged ?? []) out[from * 3 + i] = exactComponent(active, from + Math.floor(i / 3), i % 3);
  }
  return true;
}

function tableChannel(ch: ActiveChannel, shift: number, maxEntries: number): TableChannel | undefined {
  const p = ch.plane;
  const bits = p instanceof Uint8Array || p instanceof Int8Array ? 8 : p instanceof Uint16Array || p instanceof Int16Array ? 16 : undefined;
  if (!bits) return undefined;
  const signed = p instanceof Int8Array || p instanceof Int16Array;
  const table = tableFor(ch, bits, signed, shift);
  if (!table || table.last + 1 > maxEntries) return undefined;
  return {
    table,
    u16: bits === 16 ? new Uint16Array(p.buffer, p.byteOffset, p.length) : undefined,
    bytes: bits === 8 ? (p as Uint8Array | Int8Array) : undefined,
    flip: signed ? 0x8000 : 0,
  };
}

/**
 * Per component, the suspect band of the low S bits of (sum + ½), as [margin, above]: suspect iff
 * ((x + margin) mod 2^S) < above. With k ≥ 2 contributors it covers the k + 1 values just below
 * 2^S, and 0 as well (above = margin + 1) when k ≥ 3 and an entry's dropped fraction is smaller
 * than the float sum's rounding error, ≤ (k − 1) · 255k · 2^−53. With k ≤ 1 it is empty.
 */
function suspectBands(active: readonly ActiveChannel[], channels: readonly TableChannel[], shift: number): number[] {
  const bands: number[] = [];
  for (let c = 0; c < 3; c++) {
    const k = active.filter((ch) => ch.weights[c]! > 0).length;
    const error = (k - 1) * 255 * k * 2 ** (shift - 53);
    const sliver = !(globalThis as any).NOFB && k >= 3 && channels.some((ch) => ch.table.minFraction[c]! <= error);
    if (k <= 1) bands.push(0, 0); // one term: floor then round is Math.round itself, never suspect
    else bands.push(k + 1, sliver ? k + 2 : k + 1);
  }
  return bands;
}

// The first channel stores, the middle ones add, the last adds and rounds: one pass over the
// accumulator fewer than add-then-round, and no clearing.

function addFirst(plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, entries: Int32Array, acc: Int32Array): void {
  for (let p = at, a = 0, end = at + count; p < end; p++, a += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    acc[a] = entries[i]!;
    acc[a + 1] = entries[i + 1]!;
    acc[a + 2] = entries[i + 2]!;
  }
}

function addMiddle(plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, entries: Int32Array, acc: Int32Array): void {
  for (let p = at, a = 0, end = at + count; p < end; p++, a += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    acc[a] = acc[a]! + entries[i]!;
    acc[a + 1] = acc[a + 1]! + entries[i + 1]!;
    acc[a + 2] = acc[a + 2]! + entries[i + 2]!;
  }
}

/**
 * Adds the last channel and writes min(255, round(sum / 2^S)) to `out` from `outAt`. Returns the
 * components (indices into the block) whose sums fall in their suspect band (see suspectBands).
 */
function addLast(
  plane: Uint16Array, at: number, count: number, flip: number, lo: number, last: number, entries: Int32Array, acc: Int32Array,
  out: Uint8Array, outAt: number, shift: number, bands: readonly number[],
): number[] | undefined {
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  const [mr, ar, mg, ag, mb, ab] = bands as [number, number, number, number, number, number];
  let flagged: number[] | undefined;
  for (let p = at, a = 0, j = outAt, end = at + count; p < end; p++, a += 3, j += 3) {
    let i = (plane[p]! ^ flip) - lo;
    i = 3 * (i < 0 ? 0 : i > last ? last : i);
    const r = acc[a]! + entries[i]! + half;
    const g = acc[a + 1]! + entries[i + 1]! + half;
    const b = acc[a + 2]! + entries[i + 2]! + half;
    // One branch for the three tests: a difference is negative iff its component is suspect.
    if ((((r + mr) & mask) - ar | ((g + mg) & mask) - ag | ((b + mb) & mask) - ab) < 0) (flagged ??= []).push(a, a + 1, a + 2);
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
