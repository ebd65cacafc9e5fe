import { test } from "node:test";
import assert from "node:assert/strict";
import { downsample2x2, pyramidLevelSizes } from "./downsample.ts";

test("no pyramid up to 2048 px; above, halve (ceil) until the larger side is at most 512", () => {
  assert.deepEqual(pyramidLevelSizes(2048, 100), [{ sizeX: 2048, sizeY: 100 }]);
  assert.deepEqual(pyramidLevelSizes(8192, 8192).map((l) => l.sizeX), [8192, 4096, 2048, 1024, 512]);
  assert.deepEqual(pyramidLevelSizes(2049, 3), [
    { sizeX: 2049, sizeY: 3 }, { sizeX: 1025, sizeY: 2 }, { sizeX: 513, sizeY: 1 }, { sizeX: 257, sizeY: 1 },
  ]);
});

test("integer means round halves up; odd edges average the pixels present", () => {
  // 3×3 → 2×2: the right column and bottom row average 2 and 1 pixels.
  const src = new Uint16Array([1, 2, 10, 2, 2, 11, 7, 8, 65535]);
  const out = new Uint16Array(4);
  downsample2x2(src, 3, 3, out);
  assert.deepEqual([...out], [Math.round(7 / 4), Math.round(21 / 2), Math.round(15 / 2), 65535]); // 1.75→2, 10.5→11, 7.5→8
  const signed = new Int8Array(1);
  downsample2x2(new Int8Array([-128, -127, -128, -128]), 2, 2, signed);
  assert.equal(signed[0], -128); // -127.75 rounds to -128
  const big = new Uint32Array(1);
  downsample2x2(new Uint32Array([0xffffffff, 0xffffffff, 0xfffffffe, 0xffffffff]), 2, 2, big);
  assert.equal(big[0], 0xffffffff); // sums above 2^32 are exact in doubles
});

test("float means skip NaN, and an all-NaN block stays NaN", () => {
  const out = new Float32Array(2);
  downsample2x2(new Float32Array([NaN, 1, NaN, NaN, 3, NaN, NaN, NaN]), 4, 2, out);
  assert.equal(out[0], 2); // mean of 1 and 3
  assert.ok(Number.isNaN(out[1]));
  const f64 = new Float64Array(1);
  downsample2x2(new Float64Array([-1.5, 0.25, 2, 1e-300]), 2, 2, f64);
  assert.equal(f64[0], (-1.5 + 0.25 + 2 + 1e-300) / 4);
});
