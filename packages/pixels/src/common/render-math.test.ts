import { test } from "node:test";
import assert from "node:assert/strict";
import { isFoveaError, type TypedArray } from "@fovea/model";
import { intensity, maxProjection, maxProjectInto, parseColor, renderRgb, type ChannelRender } from "./render-math.ts";
import { defaultChannelColor } from "@fovea/model";
import { defaultRenderSettings } from "./render-defaults.ts";

const ch = (color: string, start: number, end: number, more: Partial<ChannelRender> = {}): ChannelRender => ({ active: true, color, start, end, ...more });
const rgbOf = (out: Uint8Array, i: number) => [out[3 * i], out[3 * i + 1], out[3 * i + 2]];

test("one grey channel: linear window, rounded, clamped below start and above end", () => {
  const out = renderRgb([new Uint16Array([0, 100, 500, 1000, 2000, 50])], [ch("FFFFFF", 100, 1000)], 6);
  // (v − 100) / 900 · 255: 500 → 113.33 → 113
  assert.deepEqual([...out], [0, 0, 0, 0, 0, 0, 113, 113, 113, 255, 255, 255, 255, 255, 255, 0, 0, 0]);
});

test("additive mixing of coloured channels, each component clamped to 255", () => {
  const red = new Uint8Array([153, 255, 0]); // window 0..255: q = 0.6, 1, 0
  const orange = new Uint8Array([204, 255, 51]); // q = 0.8, 1, 0.2
  const out = renderRgb([red, orange], [ch("FF0000", 0, 255), ch("FF8000", 0, 255)], 3);
  // px0: r = 153 + 204 = 357 → 255; g = 0.8·128 = 102.4 → 102
  assert.deepEqual(rgbOf(out, 0), [255, 102, 0]);
  assert.deepEqual(rgbOf(out, 1), [255, 128, 0]);
  // px2: r = 0.2·255 = 51; g = 0.2·128 = 25.6 → 26
  assert.deepEqual(rgbOf(out, 2), [51, 26, 0]);
});

test("green + magenta make white; inactive channels are never read", () => {
  const full = new Uint16Array([4095]);
  const out = renderRgb([full, full, new Uint16Array(0)], [ch("00FF00", 0, 4095), ch("FF00FF", 0, 4095), ch("0000FF", 0, 1, { active: false })], 1);
  assert.deepEqual(rgbOf(out, 0), [255, 255, 255]);
});

test("inverted, degenerate windows, reversed windows", () => {
  const v = new Uint8Array([0, 10, 20]);
  assert.deepEqual([...renderRgb([v], [ch("FFFFFF", 0, 20, { inverted: true })], 3)].filter((_, i) => i % 3 === 0), [255, 128, 0]); // 1 − 0.5 → 127.5 → 128
  assert.deepEqual([...renderRgb([v], [ch("FFFFFF", 10, 10)], 3)].filter((_, i) => i % 3 === 0), [0, 255, 255]);
  assert.deepEqual([...renderRgb([v], [ch("FFFFFF", 20, 0)], 3)].filter((_, i) => i % 3 === 0), [255, 128, 0]);
});

test("floats: NaN renders as 0, negative windows work", () => {
  const out = renderRgb([new Float32Array([NaN, -1, -0.5, 0, Infinity, -Infinity])], [ch("00FF00", -1, 0)], 6);
  assert.deepEqual([...out].filter((_, i) => i % 3 === 1), [0, 0, 128, 255, 255, 0]);
  const f64 = renderRgb([new Float64Array([0.25])], [ch("FFFFFF", 0, 1)], 1);
  assert.deepEqual(rgbOf(f64, 0), [64, 64, 64]); // 63.75
});

test("signed and wide integers: int8, int16, uint32, int32", () => {
  assert.deepEqual(rgbOf(renderRgb([new Int8Array([-128, 0, 127])], [ch("FF0000", -128, 127)], 3), 1), [128, 0, 0]); // 128/255·255
  assert.deepEqual(rgbOf(renderRgb([new Int16Array([-1000])], [ch("0000FF", -2000, 0)], 1), 0), [0, 0, 128]);
  assert.deepEqual(rgbOf(renderRgb([new Uint32Array([3e9])], [ch("FFFFFF", 0, 4e9)], 1), 0), [191, 191, 191]); // 191.25
  assert.deepEqual(rgbOf(renderRgb([new Int32Array([-5])], [ch("FFFFFF", -10, 10)], 1), 0), [64, 64, 64]); // 63.75
});

/** The formula, written the slow obvious way. */
function reference(planes: TypedArray[], chans: ChannelRender[], n: number): Uint8Array {
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    const sum = [0, 0, 0];
    chans.forEach((c, k) => {
      if (!c.active) return;
      const q = intensity(planes[k]![i]!, c);
      parseColor(c.color).forEach((w, j) => { sum[j]! += q * w; });
    });
    for (let j = 0; j < 3; j++) out[3 * i + j] = Math.min(255, Math.round(sum[j]!));
  }
  return out;
}

test("the lookup-table path (large 8/16-bit planes) equals the direct formula", () => {
  const n = 200_000; // over the size where 16-bit planes switch to a table
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const u16 = Uint16Array.from({ length: n }, () => Math.floor(rnd() * 65536));
  const i16 = Int16Array.from({ length: n }, () => Math.floor(rnd() * 65536) - 32768);
  const u8 = Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
  const i8 = Int8Array.from({ length: n }, () => Math.floor(rnd() * 256) - 128);
  const chans = [ch("00FF00", 1000, 30000), ch("FF00FF", -5000, 9000, { inverted: true }), ch("3366CC", 17, 200), ch("FFFF00", -3, 3)];
  const planes = [u16, i16, u8, i8];
  assert.deepEqual(renderRgb(planes, chans, n), reference(planes, chans, n));
  // The same data in small pieces takes the direct (table-free) path for 16-bit.
  const part = 1000;
  const small = planes.map((p) => p.subarray(0, part));
  assert.deepEqual(renderRgb(small, chans, part), reference(small, chans, part));
});

test("the fixed-point tables equal the float formula for every 8/16-bit value, alone and mixed", () => {
  // Every uint16 value once per plane, in three different orders, so that mixed channels meet
  // every value against many others. Windows include ones where q · w lands exactly on .5 for
  // many values (100..1000, 0..20, 100..3200), where the formula's float rounding decides.
  const n = 65536;
  const perm = (k: number) => Uint16Array.from({ length: n }, (_, i) => (i * k + 12345) & 0xffff); // odd k: a permutation
  const u16 = [perm(1), perm(40503), perm(9)];
  const i16 = u16.map((p) => new Int16Array(p.buffer));
  const u8 = u16.map((p) => Uint8Array.from(p, (v) => v & 0xff));
  const i8 = u8.map((p) => new Int8Array(p.buffer));
  const settings: ChannelRender[][] = [
    [ch("FFFFFF", 100, 1000)],
    [ch("3366CC", 0.5, 1000.25, { inverted: true })],
    [ch("00FF00", 100, 3200), ch("FF00FF", 100, 3200), ch("00FFFF", 100, 3200)],
    [ch("FFFFFF", 0, 20), ch("FFFFFF", 0, 20), ch("FFFFFF", 0, 20)],
    [ch("FF8000", 60000, 100), ch("80FF80", 7, 7), ch("0080FF", -1e6, 1e6)],
    [ch("FFFFFF", 100, 1000), ch("FFFFFF", 200, 2000, { inverted: true }), ch("FFFFFF", 300, 3000)],
    [ch("010101", 0, 65535), ch("FEFEFE", 0, 65535), ch("000000", 0, 1)],
    // Found by search: without the float fallback for sums next to a rounding boundary, the
    // fixed point gets 8, 6 and 2 components of these wrong by one.
    [ch("FF00FF", 255, 65535), ch("FFFF00", 128, 397), ch("808080", 4095, 4365)],
    [ch("00FFFF", 256, 259, { inverted: true }), ch("7F7F7F", 50, 53), ch("FFFFFF", 10, 20, { inverted: true })],
    [ch("FF8000", 1, 10), ch("7F7F7F", 256, 1023), ch("FFFFFF", 0, 10, { inverted: true })],
  ];
  const signedSettings: ChannelRender[][] = [
    [ch("FFFFFF", -100, 800)],
    [ch("00FF00", -32768, 32767), ch("FF00FF", -3, 3, { inverted: true }), ch("FFFFFF", -20, 0)],
  ];
  const check = (planes: TypedArray[], chans: ChannelRender[], label: string) => {
    const got = renderRgb(planes.slice(0, chans.length), chans, planes[0]!.length);
    const want = reference(planes, chans, planes[0]!.length);
    const bad = got.findIndex((v, i) => v !== want[i]);
    assert.equal(bad, -1, `${label} ${JSON.stringify(chans)}: pixel ${Math.floor(bad / 3)} component ${bad % 3} is ${got[bad]}, the formula gives ${want[bad]}`);
  };
  for (const chans of settings) {
    check(u16, chans, "uint16");
    check(u8, chans.map((c) => ({ ...c, start: Math.min(c.start, 255) / 4, end: Math.min(c.end, 255) / 2 })), "uint8");
  }
  for (const chans of signedSettings) {
    check(i16, chans, "int16");
    check(i8, chans, "int8");
  }
});

test("bad colours and missing planes are VALIDATION_FAILED naming the channel", () => {
  assert.throws(() => renderRgb([new Uint8Array(1)], [ch("red", 0, 1)], 1), (e: unknown) => isFoveaError(e, "VALIDATION_FAILED") && /channels\[0\]\.color/.test(JSON.stringify(e.details)));
  assert.throws(() => renderRgb([], [ch("FFFFFF", 0, 1)], 1), (e: unknown) => isFoveaError(e, "VALIDATION_FAILED"));
  assert.deepEqual(parseColor("#00ff7f"), [0, 255, 127]);
});

test("maximum-intensity projection keeps the type and ignores NaN", () => {
  const p = maxProjection([new Uint16Array([1, 9, 3]), new Uint16Array([4, 2, 3]), new Uint16Array([0, 0, 8])]);
  assert.ok(p instanceof Uint16Array);
  assert.deepEqual([...p], [4, 9, 8]);
  const f = new Float32Array([NaN, 1, NaN]);
  maxProjectInto(f, new Float32Array([2, NaN, NaN]));
  assert.deepEqual([f[0], f[1]], [2, 1]);
  assert.ok(Number.isNaN(f[2]));
  assert.throws(() => maxProjectInto(new Uint8Array(2), new Uint8Array(3)), RangeError);
});

test("default rendering: all active, grey for one channel, green/magenta/… for several, windows from stats or file", () => {
  const stats = [{ min: 10, max: 900 }, { min: 0, max: 50 }, { min: -1, max: 1 }];
  assert.deepEqual(defaultRenderSettings(1, stats), [{ active: true, color: "FFFFFF", start: 10, end: 900 }]);
  assert.deepEqual(defaultRenderSettings(3, stats, [{}, { color: "ff0000", window: { start: 5, end: 6 } }, { emissionWavelength: 450 }]), [
    { active: true, color: "00FF00", start: 10, end: 900 },
    { active: true, color: "FF0000", start: 5, end: 6 },
    { active: true, color: "0000FF", start: -1, end: 1 },
  ]);
  assert.deepEqual([0, 1, 2, 3].map((i) => defaultChannelColor(i, 4)), ["00FF00", "FF00FF", "00FFFF", "FF0000"]);
});
