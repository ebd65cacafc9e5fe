/**
 * The inner loops of the integer path (render-fixed.ts). Each writes one colour component of a
 * block of pixels (every third byte of `out`) from the channels that add to it, so a channel that
 * does not add to a component costs nothing there, and no accumulator goes through memory for up
 * to three channels. Every loop reads Uint16Array planes and Int32Array tables only, which keeps
 * them monomorphic. Isomorphic: no Node APIs.
 */

/** One channel's part in a component: its plane (from `at`) and its table for that component. */
export interface Term {
  readonly src: Uint16Array;
  readonly at: number;
  /** XOR to offset binary, offset-binary value of entry 0, and the last entry (see render-table.ts). */
  readonly flip: number;
  readonly lo: number;
  readonly last: number;
  readonly entries: Int32Array;
}

/** What every loop needs besides its terms: where to write, how many pixels, the fixed point. */
export interface Target {
  readonly out: Uint8Array;
  /** Index in `out` of the block's first pixel's component. */
  readonly at: number;
  readonly count: number;
  readonly shift: number;
  /** The suspect band of the low bits of a sum (render-fixed.ts, suspectBand). */
  readonly margin: number;
  readonly above: number;
}

/** No channel adds to the component. */
export function writeZero(o: Target): void {
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) o.out[j] = 0;
}

/** One channel: round(entry / 2^S), exact and never above 255 (entries are ≤ 255 · 2^S). */
export function writeOne(a: Term, o: Target): void {
  const { src, at, flip, lo, last, entries } = a;
  const { out, shift } = o;
  const half = 1 << (shift - 1);
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) {
    let i = (src[at + p]! ^ flip) - lo;
    i = i < 0 ? 0 : i > last ? last : i;
    out[j] = (entries[i]! + half) >> shift;
  }
}

/** One channel adding to all three components (a grey or any mixed colour): one index for three. */
export function writeOneRgb(a: Term, g: Int32Array, b: Int32Array, o: Target): void {
  const { src, at, flip, lo, last, entries: r } = a;
  const { out, shift } = o;
  const half = 1 << (shift - 1);
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) {
    let i = (src[at + p]! ^ flip) - lo;
    i = i < 0 ? 0 : i > last ? last : i;
    out[j] = (r[i]! + half) >> shift;
    out[j + 1] = (g[i]! + half) >> shift;
    out[j + 2] = (b[i]! + half) >> shift;
  }
}

/** Two channels; returns the pixels (in the block) whose sums are suspect. */
export function writeTwo(a: Term, b: Term, o: Target): number[] | undefined {
  const { src: sa, at: pa, flip: fa, lo: la, last: za, entries: ta } = a;
  const { src: sb, at: pb, flip: fb, lo: lb, last: zb, entries: tb } = b;
  const { out, shift, margin, above } = o;
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  let flagged: number[] | undefined;
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) {
    let i = (sa[pa + p]! ^ fa) - la;
    i = i < 0 ? 0 : i > za ? za : i;
    let k = (sb[pb + p]! ^ fb) - lb;
    k = k < 0 ? 0 : k > zb ? zb : k;
    const x = ta[i]! + tb[k]! + half;
    if (((x + margin) & mask) < above) (flagged ??= []).push(p);
    const r = x >> shift;
    out[j] = r > 255 ? 255 : r;
  }
  return flagged;
}

/** Three channels; returns the pixels (in the block) whose sums are suspect. */
export function writeThree(a: Term, b: Term, c: Term, o: Target): number[] | undefined {
  const { src: sa, at: pa, flip: fa, lo: la, last: za, entries: ta } = a;
  const { src: sb, at: pb, flip: fb, lo: lb, last: zb, entries: tb } = b;
  const { src: sc, at: pc, flip: fc, lo: lc, last: zc, entries: tc } = c;
  const { out, shift, margin, above } = o;
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  let flagged: number[] | undefined;
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) {
    let i = (sa[pa + p]! ^ fa) - la;
    i = i < 0 ? 0 : i > za ? za : i;
    let k = (sb[pb + p]! ^ fb) - lb;
    k = k < 0 ? 0 : k > zb ? zb : k;
    let m = (sc[pc + p]! ^ fc) - lc;
    m = m < 0 ? 0 : m > zc ? zc : m;
    const x = ta[i]! + tb[k]! + tc[m]! + half;
    if (((x + margin) & mask) < above) (flagged ??= []).push(p);
    const r = x >> shift;
    out[j] = r > 255 ? 255 : r;
  }
  return flagged;
}

/** Four or more channels: their sum goes through `acc`, one channel at a time. */
export function writeMany(terms: readonly Term[], acc: Int32Array, o: Target): number[] | undefined {
  acc.fill(0, 0, o.count);
  for (const t of terms) addTerm(t, acc, o.count);
  const { out, shift, margin, above } = o;
  const half = 1 << (shift - 1);
  const mask = (1 << shift) - 1;
  let flagged: number[] | undefined;
  for (let p = 0, j = o.at; p < o.count; p++, j += 3) {
    const x = acc[p]! + half;
    if (((x + margin) & mask) < above) (flagged ??= []).push(p);
    const r = x >> shift;
    out[j] = r > 255 ? 255 : r;
  }
  return flagged;
}

function addTerm(a: Term, acc: Int32Array, count: number): void {
  const { src, at, flip, lo, last, entries } = a;
  for (let p = 0; p < count; p++) {
    let i = (src[at + p]! ^ flip) - lo;
    i = i < 0 ? 0 : i > last ? last : i;
    acc[p] = acc[p]! + entries[i]!;
  }
}
