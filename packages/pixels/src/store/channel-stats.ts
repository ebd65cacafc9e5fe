/**
 * Per-channel min/max over every plane written, for the default display window. NaN and ±Infinity
 * are skipped: neither can bound a window. A channel with no finite value reports 0..0.
 */
import type { ChannelStats } from "../common/render-defaults.ts";
import type { TypedArray } from "../common/pixel-types.ts";

export class ChannelStatsAccumulator {
  private readonly mins: number[];
  private readonly maxs: number[];

  constructor(sizeC: number) {
    this.mins = new Array<number>(sizeC).fill(Infinity);
    this.maxs = new Array<number>(sizeC).fill(-Infinity);
  }

  add(c: number, data: TypedArray): void {
    let lo = this.mins[c]!;
    let hi = this.maxs[c]!;
    const isFloat = data instanceof Float32Array || data instanceof Float64Array;
    for (let i = 0; i < data.length; i++) {
      const v = data[i]!;
      if (v < lo) {
        if (isFloat && v === -Infinity) continue;
        lo = v;
      }
      if (v > hi) {
        if (isFloat && v === Infinity) continue;
        hi = v;
      }
      // NaN fails both comparisons, so it is skipped without a test of its own.
    }
    this.mins[c] = lo;
    this.maxs[c] = hi;
  }

  result(): ChannelStats[] {
    return this.mins.map((min, c) => (min <= this.maxs[c]! ? { min, max: this.maxs[c]! } : { min: 0, max: 0 }));
  }
}
