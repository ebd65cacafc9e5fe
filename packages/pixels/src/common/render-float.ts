/**
 * The float path of renderRgb: 32-bit and float planes, 8/16-bit planes too small to be worth a
 * table, and windows no table can serve (not finite, or wider than 2^40). It is the formula itself,
 * in float64 and in channel order, so it is exact by definition.
 * Isomorphic: no Node APIs.
 */
import { windowIntensity, type ActiveChannel } from "./render-channel.ts";

/** Pixels per block: the accumulator (3 × 8 bytes per pixel) and the values stay in cache. */
const BLOCK = 8192;

/** Writes the RGB of `pixelCount` pixels of the `active` channels to `out`. */
export function renderFloat(active: readonly ActiveChannel[], pixelCount: number, out: Uint8Array): void {
  const size = Math.min(BLOCK, pixelCount);
  const values = new Float64Array(size);
  const acc = new Float64Array(size * 3);
  for (let from = 0; from < pixelCount; from += BLOCK) {
    const to = Math.min(pixelCount, from + BLOCK);
    const count = to - from;
    acc.fill(0);
    for (const ch of active) {
      // The engine converts any typed array to float64 natively (and exactly), which keeps the
      // loop below monomorphic whatever the plane's type.
      values.set(ch.plane.subarray(from, to));
      accumulate(values, count, ch, acc);
    }
    roundInto(acc, count * 3, out, from * 3);
  }
}

/** acc += q · w per component. */
function accumulate(values: Float64Array, count: number, ch: ActiveChannel, acc: Float64Array): void {
  const { start, scale, degenerate, inverted } = ch;
  const [wr, wg, wb] = ch.weights;
  for (let i = 0, a = 0; i < count; i++, a += 3) {
    const q = windowIntensity(values[i]!, start, scale, degenerate, inverted);
    acc[a] = acc[a]! + q * wr;
    acc[a + 1] = acc[a + 1]! + q * wg;
    acc[a + 2] = acc[a + 2]! + q * wb;
  }
}

function roundInto(acc: Float64Array, count: number, out: Uint8Array, at: number): void {
  for (let i = 0, j = at; i < count; i++, j++) {
    const s = acc[i]!;
    out[j] = s >= 255 ? 255 : Math.round(s); // s ≥ 0 always
  }
}
