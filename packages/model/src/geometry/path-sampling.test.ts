import assert from "node:assert/strict";
import { test } from "node:test";
import { bilinearAt, pathSamplePositions, toPixelType } from "./path-sampling.ts";
import { intensityStats } from "./intensity-stats.ts";
import { shapePixels } from "./shape-pixels.ts";

test("samples at unit arc length, W across along the normal (−uy, ux)", () => {
  const p = pathSamplePositions([[0.5, 2.5], [4.9, 2.5]], 3);
  assert.equal(p.n, 5); // L = 4.4 → ⌊L⌋ + 1
  assert.deepEqual([...p.xs.subarray(0, 5)], [0.5, 1.5, 2.5, 3.5, 4.5]);
  // Direction (1, 0) → normal (0, 1): row 0 is at offset −1 (above), row 2 at +1 (below).
  assert.deepEqual([...p.ys.subarray(0, 5)], [1.5, 1.5, 1.5, 1.5, 1.5]);
  assert.deepEqual([...p.ys.subarray(10, 15)], [3.5, 3.5, 3.5, 3.5, 3.5]);
});

test("a polyline: samples continue on the next segment, zero-length segments are skipped", () => {
  const p = pathSamplePositions([[0, 0], [2, 0], [2, 0], [2, 2]], 1);
  assert.equal(p.n, 5);
  assert.deepEqual([...p.xs], [0, 1, 2, 2, 2]);
  assert.deepEqual([...p.ys], [0, 0, 0, 1, 2]);
  const wide = pathSamplePositions([[0, 0], [2, 0], [2, 2]], 2);
  // At the joint (s = 2) the second segment (direction (0, 1), normal (−1, 0)) applies.
  assert.deepEqual([wide.xs[2], wide.ys[2], wide.xs[5 + 2], wide.ys[5 + 2]], [2.5, 0, 1.5, 0]);
  assert.throws(() => pathSamplePositions([[1, 1], [1, 1]], 1), RangeError);
});

test("bilinear on pixel centres: a centre gives its pixel; halfway averages; outside is 0", () => {
  const win = { x0: 0, y0: 0, width: 3, height: 2, data: [0, 10, 20, 30, 40, 50] };
  assert.equal(bilinearAt(win, 1.5, 0.5, 3, 2), 10);
  assert.equal(bilinearAt(win, 1.0, 0.5, 3, 2), 5);
  assert.equal(bilinearAt(win, 1.0, 1.0, 3, 2), (0 + 10 + 30 + 40) / 4);
  assert.equal(bilinearAt(win, 0.2, 0.5, 3, 2), 0); // border: the neighbour outside repeats pixel 0
  assert.equal(bilinearAt(win, 2.9, 1.9, 3, 2), 50);
  assert.equal(bilinearAt(win, 3, 1, 3, 2), 0);
  assert.equal(bilinearAt(win, -0.01, 1, 3, 2), 0);
  // A window that starts inside the image.
  assert.equal(bilinearAt({ x0: 1, y0: 1, width: 2, height: 1, data: [40, 50] }, 2.0, 1.5, 3, 2), 45);
});

test("toPixelType rounds half away from zero and clamps integer types", () => {
  assert.equal(toPixelType(2.5, "uint8"), 3);
  assert.equal(toPixelType(2.49, "uint8"), 2);
  assert.equal(toPixelType(-2.5, "int16"), -3);
  assert.equal(toPixelType(-0.4, "int16"), 0);
  assert.ok(Object.is(toPixelType(-0.4, "int16"), 0));
  assert.equal(toPixelType(300, "uint8"), 255);
  assert.equal(toPixelType(-1, "uint16"), 0);
  assert.equal(toPixelType(Number.NaN, "uint16"), 0);
  assert.equal(toPixelType(0.1, "float32"), Math.fround(0.1));
  assert.equal(toPixelType(0.1, "float64"), 0.1);
});

test("intensity statistics: population std, nulls when empty", () => {
  const win = { x0: 0, y0: 0, width: 2, height: 2, data: [1, 2, 3, 4] };
  const all = intensityStats(shapePixels({ kind: "Rectangle", x: 0, y: 0, width: 2, height: 2 }, 2, 2), win);
  assert.deepEqual(all, { count: 4, min: 1, max: 4, sum: 10, mean: 2.5, std: Math.sqrt(1.25) });
  const none = intensityStats(shapePixels({ kind: "Label", x: 0, y: 0, text: "x" }, 2, 2), win);
  assert.deepEqual(none, { count: 0, min: null, max: null, sum: 0, mean: null, std: null });
});
