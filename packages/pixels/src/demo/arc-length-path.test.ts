import assert from "node:assert/strict";
import { test } from "node:test";
import { measurePath } from "./arc-length-path.ts";

test("points are placed by arc length along the segments, clamped to the ends", () => {
  const path = measurePath([[0, 0], [3, 4], [3, 10]]); // segments of length 5 and 6
  assert.equal(path.length, 11);
  assert.deepEqual(path.at(0), [0, 0]);
  assert.deepEqual(path.at(2.5), [1.5, 2]);
  assert.deepEqual(path.at(5), [3, 4]);
  assert.deepEqual(path.at(8), [3, 7]);
  assert.deepEqual(path.at(-1), [0, 0]);
  assert.deepEqual(path.at(99), [3, 10]);
});

test("a path needs two points", () => {
  assert.throws(() => measurePath([[1, 1]]), RangeError);
});
