/**
 * Fixed-point tables for the integer path of renderRgb (render-fixed.ts): for one channel of 8- or
 * 16-bit data and one colour component it adds to, entry[value] = floor(q(value) · w · 2^S), where
 * q · w is the very product the float formula adds. Tables depend only on the settings, so a viewer
 * drawing tile after tile builds each once: they are kept in a small cache. Isomorphic: no Node APIs.
 */
import { windowIntensity, type ActiveChannel } from "./render-channel.ts";

/** One channel's tables. Immutable once built. */
export interface Table {
  /** Offset-binary value of entry 0 (value + 0x8000 for both signed types), and the last entry. */
  readonly lo: number;
  readonly last: number;
  /** Per component (r, g, b): the entries, or undefined where the colour's weight is 0. */
  readonly components: readonly [Int32Array | undefined, Int32Array | undefined, Int32Array | undefined];
  /**
   * Per component, the smallest non-zero fraction floor() dropped from an entry (in units of
   * 2^−S; Infinity if none): render-fixed.ts compares it with the float sum's rounding error.
   */
  readonly minFraction: readonly [number, number, number];
}

/**
 * Above this window width the formula's rounding could make q wobble at 0 or 1 outside the
 * window, and a table clipped to the window would not be exact there (see tableRange).
 */
const MAX_WINDOW_WIDTH = 2 ** 40;

/** Tables kept: a few channels × a few settings; at most 768 KiB each (16-bit, a full-range window). */
const CACHE_TABLES = 32;
const cache = new Map<string, Table>();

/**
 * The table of `ch` for `bits`-wide data with `shift` fraction bits, or undefined when its window
 * is not finite or too wide (the float path handles those).
 */
export function tableFor(ch: ActiveChannel, bits: 8 | 16, signed: boolean, shift: number): Table | undefined {
  const key = `${bits}${signed ? "s" : "u"} ${shift} ${ch.start} ${ch.end} ${ch.inverted} ${ch.weights.join(",")}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert: Map order is the LRU order
    cache.set(key, hit);
    return hit;
  }
  const half = signed ? 2 ** (bits - 1) : 0;
  const range = tableRange(ch, -half, 2 ** bits - 1 - half);
  if (!range) return undefined;
  const size = range.hi - range.lo + 1;
  // Signed planes are read as int16 bit patterns (int8 widened) XOR 0x8000: value + 0x8000.
  const table = { lo: range.lo + (signed ? 0x8000 : 0), last: size - 1, ...buildEntries(ch, range.lo, size, shift) };
  cache.set(key, table);
  if (cache.size > CACHE_TABLES) cache.delete(cache.keys().next().value!);
  return table;
}

/**
 * The values that need an entry: the window plus one value either side, within the type. Every
 * value below (above) them has the intensity of the first (last) entry: one step outside the
 * window the exact q is ≤ 0 or ≥ 1 + 1/width, a margin the formula's rounding (~4 · 2^−53
 * relative) cannot cross while the width is below MAX_WINDOW_WIDTH.
 */
function tableRange(ch: ActiveChannel, typeMin: number, typeMax: number): { lo: number; hi: number } | undefined {
  const { start, end } = ch;
  if (!Number.isFinite(start) || !Number.isFinite(end) || Math.abs(end - start) > MAX_WINDOW_WIDTH) return undefined;
  const clamp = (v: number) => (v < typeMin ? typeMin : v > typeMax ? typeMax : v);
  return { lo: clamp(Math.floor(Math.min(start, end)) - 1), hi: clamp(Math.ceil(Math.max(start, end)) + 1) };
}

function buildEntries(ch: ActiveChannel, first: number, size: number, shift: number): Pick<Table, "components" | "minFraction"> {
  const scale = 2 ** shift;
  const { start, scale: windowScale, degenerate, inverted, weights } = ch;
  const components = weights.map((w) => (w > 0 ? new Int32Array(size) : undefined)) as [Int32Array | undefined, Int32Array | undefined, Int32Array | undefined];
  const minFraction: [number, number, number] = [Infinity, Infinity, Infinity];
  for (let k = 0; k < size; k++) {
    const q = windowIntensity(first + k, start, windowScale, degenerate, inverted);
    for (let c = 0; c < 3; c++) {
      const entries = components[c];
      if (!entries) continue;
      // (q · w) first, as the formula computes it; · 2^S is then exact, and so are floor and −.
      const x = q * weights[c]! * scale;
      const e = Math.floor(x);
      entries[k] = e;
      if (x !== e && x - e < minFraction[c]!) minFraction[c] = x - e;
    }
  }
  return { components, minFraction };
}
