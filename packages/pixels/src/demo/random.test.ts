import assert from "node:assert/strict";
import { test } from "node:test";
import { mixSeed, mulberry32, Random } from "./random.ts";

test("mulberry32 repeats its sequence for a seed and stays in [0, 1)", () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const c = mulberry32(43);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(Array.from({ length: 1000 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 1000 }, () => c()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test("mixSeed separates orderings and neighbouring indices", () => {
  const seeds = new Set<number>();
  for (let z = 0; z < 9; z++) for (let c = 0; c < 4; c++) seeds.add(mixSeed(1, z, c, 0));
  assert.equal(seeds.size, 36);
  assert.notEqual(mixSeed(1, 2, 3), mixSeed(1, 3, 2));
  assert.equal(mixSeed(1, 2, 3), mixSeed(1, 2, 3));
});

test("Random.normal has mean 0 and variance 1", () => {
  const rng = new Random(7);
  const xs = Array.from({ length: 20000 }, () => rng.normal());
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 0.04, `variance ${variance}`);
});
