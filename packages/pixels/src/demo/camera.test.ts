import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_CAMERA, exposePlane } from "./camera.ts";

function stats(a: Uint16Array): { mean: number; variance: number } {
  let sum = 0;
  for (const v of a) sum += v;
  const mean = sum / a.length;
  let ss = 0;
  for (const v of a) ss += (v - mean) ** 2;
  return { mean, variance: ss / a.length };
}

test("counts are offset + signal on average, with shot + read noise variance", () => {
  for (const photons of [0, 50, 400, 2000]) {
    const out = new Uint16Array(200_000);
    exposePlane(new Float32Array(out.length).fill(photons), out, DEMO_CAMERA, 11);
    const { mean, variance } = stats(out);
    const expectedVariance = photons + DEMO_CAMERA.readNoise ** 2 + 1 / 12; // + rounding
    assert.ok(Math.abs(mean - (DEMO_CAMERA.offset + photons)) < 0.2, `mean ${mean} for ${photons} photons`);
    assert.ok(Math.abs(variance / expectedVariance - 1) < 0.03, `variance ${variance}, expected ${expectedVariance}`);
  }
});

test("bright pixels saturate at the 12-bit ceiling and the same seed gives the same noise", () => {
  const signal = new Float32Array(1000).fill(10_000);
  const out = new Uint16Array(1000);
  exposePlane(signal, out, DEMO_CAMERA, 1);
  assert.ok(out.every((v) => v === 4095));
  const a = new Uint16Array(1000);
  const b = new Uint16Array(1000);
  const c = new Uint16Array(1000);
  signal.fill(300);
  exposePlane(signal, a, DEMO_CAMERA, 5);
  exposePlane(signal, b, DEMO_CAMERA, 5);
  exposePlane(signal, c, DEMO_CAMERA, 6);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});
