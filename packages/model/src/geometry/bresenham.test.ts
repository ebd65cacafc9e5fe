import assert from "node:assert/strict";
import { test } from "node:test";
import { bresenham } from "./bresenham.ts";

function walk(x0: number, y0: number, x1: number, y1: number): [number, number][] {
  const out: [number, number][] = [];
  bresenham(x0, y0, x1, y1, (x, y) => out.push([x, y]));
  return out;
}

// Hand-worked with dx = 5, dy = −2, err = 3: e2 = 6 → x; e2 = 2 → x and y; e2 = 8 → x; e2 = 4 → x and y; e2 = 10 → x.
const SHALLOW: [number, number][] = [[0, 0], [1, 0], [2, 1], [3, 1], [4, 2], [5, 2]];
// Hand-worked with dx = 2, dy = −5, err = −3.
const STEEP: [number, number][] = [[0, 0], [0, 1], [1, 2], [1, 3], [2, 4], [2, 5]];

test("the §2 error form in all eight octants (mirror images of one hand-worked walk)", () => {
  for (const sx of [1, -1]) {
    for (const sy of [1, -1]) {
      assert.deepEqual(walk(0, 0, 5 * sx, 2 * sy), SHALLOW.map(([x, y]) => [x * sx + 0, y * sy + 0]), `shallow ${sx},${sy}`);
      assert.deepEqual(walk(0, 0, 2 * sx, 5 * sy), STEEP.map(([x, y]) => [x * sx + 0, y * sy + 0]), `steep ${sx},${sy}`);
    }
  }
});

test("the walk goes from the first point to the second, which can change the pixels", () => {
  assert.deepEqual(walk(0, 0, 4, 1), [[0, 0], [1, 0], [2, 1], [3, 1], [4, 1]]);
  assert.deepEqual(walk(4, 1, 0, 0), [[4, 1], [3, 1], [2, 0], [1, 0], [0, 0]]);
});

test("diagonals step x and y together; axis lines; a degenerate line is one pixel", () => {
  assert.deepEqual(walk(0, 0, 3, 3), [[0, 0], [1, 1], [2, 2], [3, 3]]);
  assert.deepEqual(walk(2, 0, -1, 3), [[2, 0], [1, 1], [0, 2], [-1, 3]]);
  assert.deepEqual(walk(1, 4, 4, 4), [[1, 4], [2, 4], [3, 4], [4, 4]]);
  assert.deepEqual(walk(1, 4, 1, 1), [[1, 4], [1, 3], [1, 2], [1, 1]]);
  assert.deepEqual(walk(3, 3, 3, 3), [[3, 3]]);
});

test("every walk is 8-connected and has max(|dx|, |dy|) + 1 pixels", () => {
  for (let i = 0; i < 500; i++) {
    const [x0, y0, x1, y1] = Array.from({ length: 4 }, () => Math.floor(Math.random() * 41) - 20) as [number, number, number, number];
    const w = walk(x0, y0, x1, y1);
    assert.equal(w.length, Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1);
    assert.deepEqual(w[0], [x0, y0]);
    assert.deepEqual(w.at(-1), [x1, y1]);
    for (let k = 1; k < w.length; k++) assert.ok(Math.max(Math.abs(w[k]![0] - w[k - 1]![0]), Math.abs(w[k]![1] - w[k - 1]![1])) === 1);
  }
});
