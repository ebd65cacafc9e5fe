/**
 * The integer path of renderRgb, for 8- and 16-bit planes: per channel and colour component, a
 * table (render-table.ts) gives the contribution of each raw value in fixed point with S fraction
 * bits, so a component costs one table lookup per channel that adds to it, an add, and a shift
 * (render-kernels.ts). Isomorphic: no Node APIs.
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
import { writeMany, writeOne, writeOneRgb, writeThree, writeTwo, writeZero, type Target, type Term } from "./render-kernels.ts";
import { tableFor, type Table } from "./render-table.ts";

/** A channel's table and the plane it reads. */
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

/** Pixels per block: the widened 8-bit values and the output stay in cache across components. */
const BLOCK = 8192;

/**
 * Renders with tables when every channel is 8/16-bit and its table is small next to the pixel
 * count (a 64 Ki-entry table for a 40² tile costs more than the direct formula). Returns false,
 * having written nothing, when the float path must be used instead.
 */
export function renderFixedPoint(active: readonly ActiveChannel[], pixelCount: number, out: Uint8Array): boolean {
  const n = active.length;
  // The most fraction bits for which n full-scale entries, ½ and the suspect band stay below
  // 2^30, the engine's small-integer range: beyond it its adds fall back to float64.
  const shift = Math.floor(Math.log2((2 ** 30 - n - 2) / (255 * n + 0.5)));
  if (shift < MIN_SHIFT) return false;
  const channels: TableChannel[] = [];
  for (const ch of active) {
    const c = tableChannel(ch, shift, Math.max(256, 2 * pixelCount));
    if (!c) return false;
    channels.push(c);
  }
  const size = Math.min(BLOCK, pixelCount);
  const wide = channels.map((c) => (c.bytes ? new Uint16Array(size) : undefined));
  const acc = n > 3 ? new Int32Array(size) : undefined;
  const bands = [0, 1, 2].map((c) => suspectBand(active, channels, c, shift));
  const [, g, b] = channels[0]!.table.components;
  for (let from = 0; from < pixelCount; from += BLOCK) {
    const count = Math.min(BLOCK, pixelCount - from);
    const sources = channels.map((c, i) => sourceOf(c, wide[i], from, count));
    const target = (comp: number): Target => ({ out, at: from * 3 + comp, count, shift, margin: bands[comp]![0], above: bands[comp]![1] });
    const grey = n === 1 ? termOf(channels[0]!, sources[0]!, 0) : undefined;
    if (grey && g && b) {
      writeOneRgb(grey, g, b, target(0)); // one channel adding to all three: one index for three
      continue;
    }
    for (let comp = 0; comp < 3; comp++) {
      const terms = channels.flatMap((c, i) => termOf(c, sources[i]!, comp) ?? []);
      const [t0, t1, t2] = terms;
      const flagged = !t0 ? writeZero(target(comp))
        : !t1 ? writeOne(t0, target(comp))
        : !t2 ? writeTwo(t0, t1, target(comp))
        : terms.length === 3 ? writeThree(t0, t1, t2, target(comp))
        : writeMany(terms, acc!, target(comp));
      for (const p of flagged ?? []) out[(from + p) * 3 + comp] = exactComponent(active, from + p, comp);
    }
  }
  return true;
}

/** Where a block of a channel's values is read: the plane itself, or its 8-bit values widened. */
function sourceOf(c: TableChannel, wide: Uint16Array | undefined, from: number, count: number): { src: Uint16Array; at: number } {
  if (!wide) return { src: c.u16!, at: from };
  // A native, exact conversion; int8 lands as its int16 bit pattern, hence flip 0x8000.
  wide.set(c.bytes!.subarray(from, from + count));
  return { src: wide, at: 0 };
}

/** The channel's term in component `comp`, or undefined when its colour has no such component. */
function termOf(c: TableChannel, source: { src: Uint16Array; at: number }, comp: number): Term | undefined {
  const entries = c.table.components[comp];
  // A plain literal, not a spread: every term then has the one shape the kernels were tuned on.
  return entries && { src: source.src, at: source.at, flip: c.flip, lo: c.table.lo, last: c.table.last, entries };
}

function tableChannel(ch: ActiveChannel, shift: number, maxEntries: number): TableChannel | undefined {
  const p = ch.plane;
  const [bits, signed] = p instanceof Uint16Array ? [16, false] as const : p instanceof Int16Array ? [16, true] as const
    : p instanceof Uint8Array ? [8, false] as const : p instanceof Int8Array ? [8, true] as const : [undefined, false] as const;
  if (!bits) return undefined;
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
 * The suspect band of component `c`, as [margin, above]: a sum x (with ½ added) is suspect iff
 * ((x + margin) mod 2^S) < above. With k ≥ 2 contributors it covers the k + 1 values just below a
 * multiple of 2^S, and the multiple itself (above = margin + 1) when k ≥ 3 and some entry's dropped
 * fraction is below the float sum's rounding error, ≤ (k − 1) · 255k · 2^−53. With k ≤ 1, nothing.
 */
function suspectBand(active: readonly ActiveChannel[], channels: readonly TableChannel[], c: number, shift: number): [number, number] {
  const k = active.filter((ch) => ch.weights[c]! > 0).length;
  if (k <= 1) return [0, 0];
  const error = (k - 1) * 255 * k * 2 ** (shift - 53);
  const sliver = k >= 3 && channels.some((ch) => ch.table.minFraction[c]! <= error);
  return [k + 1, sliver ? k + 2 : k + 1];
}

/** Component `c` of pixel `p` by the float formula: Σ q · w in channel order, rounded, clamped. */
function exactComponent(active: readonly ActiveChannel[], p: number, c: number): number {
  let s = 0;
  for (const ch of active) s = s + windowIntensity(ch.plane[p]!, ch.start, ch.scale, ch.degenerate, ch.inverted) * ch.weights[c]!;
  return s >= 255 ? 255 : Math.round(s);
}
