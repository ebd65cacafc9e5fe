/**
 * The siRNA-HeLa stacks: metadata as documented, determinism, and ground truth that holds in the
 * pixels. Truth checks re-derive everything here (ellipse membership, peak search, distances)
 * rather than calling the generator's helpers, so a shared bug cannot hide.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isFoveaError, type Plane } from "@fovea/model";
import type { ImageReader } from "@fovea/core";
import { siRnaHelaImages, type NucleusTruth, type SiRnaHelaTruth } from "./sirna-hela.ts";

const PIXEL_SIZE = 0.1075;
const PLANE_SPACING = 0.2;

describe("siRnaHelaImages metadata", () => {
  const { readers, truth } = siRnaHelaImages();

  test("four 512 × 512 × 9 uint16 stacks with the DeltaVision quad channels", () => {
    assert.equal(readers.length, 4);
    assert.deepEqual(truth.map((t) => t.imageIndex), [0, 1, 2, 3]);
    for (const [k, r] of readers.entries()) {
      const m = r.metadata;
      assert.equal(m.name, `siRNA-HeLa_0${k + 1}_R3D`);
      assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT], [512, 512, 9, 4, 1]);
      assert.equal(m.pixelType, "uint16");
      assert.deepEqual(m.channels.map((c) => c.name), ["DAPI", "FITC", "TRITC", "CY5"]);
      assert.deepEqual(m.channels.map((c) => c.emissionWavelength), [457, 528, 617, 685]);
      assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.physicalSizeZ], [PIXEL_SIZE, PIXEL_SIZE, PLANE_SPACING]);
      assert.equal(m.timeIncrement, undefined);
    }
  });

  test("options size the stacks; a small field holds fewer nuclei", () => {
    const small = siRnaHelaImages({ count: 2, sizeX: 256, sizeY: 200, sizeZ: 5 });
    assert.equal(small.readers.length, 2);
    const m = small.readers[0]!.metadata;
    assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ], [256, 200, 5]);
    for (const t of small.truth) assert.ok(t.nuclei.length >= 1 && t.nuclei.length <= 4, `${t.nuclei.length} nuclei`);
    assert.throws(() => siRnaHelaImages({ sizeZ: 0 }), RangeError);
  });

  test("planes are 12-bit camera counts above a bias of about 100", async () => {
    for (let c = 0; c < 4; c++) {
      const { data } = await readers[0]!.readPlane(4, c, 0);
      const sorted = Uint16Array.from(data).sort();
      const p5 = sorted[Math.floor(0.05 * sorted.length)]!;
      assert.ok(p5 > 100 && p5 < 250, `channel ${c}: 5th percentile ${p5}`);
      assert.ok(sorted[sorted.length - 1]! <= 4095);
    }
  });
});

describe("siRnaHelaImages determinism", () => {
  test("the same seed gives identical planes; another seed differs", async () => {
    const a = siRnaHelaImages({ count: 2, seed: 5 });
    const b = siRnaHelaImages({ count: 2, seed: 5 });
    const c = siRnaHelaImages({ count: 2, seed: 6 });
    assert.deepEqual(a.truth, b.truth);
    assert.notDeepEqual(a.truth, c.truth);
    for (const [z, ch] of [[0, 0], [4, 1], [8, 3]] as const) {
      const pa = await a.readers[1]!.readPlane(z, ch, 0);
      assert.deepEqual(pa.data, (await b.readers[1]!.readPlane(z, ch, 0)).data);
      assert.deepEqual(pa.data, (await a.readers[1]!.readPlane(z, ch, 0)).data, "reading twice gives the same plane");
      assert.notDeepEqual(pa.data, (await c.readers[1]!.readPlane(z, ch, 0)).data);
    }
  });

  test("images of one call differ from each other", async () => {
    const { readers } = siRnaHelaImages({ count: 2 });
    assert.notDeepEqual((await readers[0]!.readPlane(4, 0, 0)).data, (await readers[1]!.readPlane(4, 0, 0)).data);
  });
});

describe("siRnaHelaImages readPlane refuses planes outside the image", () => {
  const reader = siRnaHelaImages({ count: 1, sizeX: 64, sizeY: 64, sizeZ: 3 }).readers[0]!;
  for (const [z, c, t, field] of [[3, 0, 0, "z"], [0, 4, 0, "c"], [0, 0, 1, "t"], [-1, 0, 0, "z"], [0.5, 0, 0, "z"]] as const) {
    test(`(z=${z}, c=${c}, t=${t}) names ${field}`, async () => {
      await assert.rejects(reader.readPlane(z, c, t), (err: unknown) => {
        assert.ok(isFoveaError(err, "VALIDATION_FAILED"));
        assert.match(err.message, new RegExp(`${field} must be an integer in 0\\.\\.`));
        assert.match(err.message, /siRNA-HeLa_01_R3D/);
        assert.deepEqual((err.details as { field: string }[]).map((d) => d.field), [field]);
        return true;
      });
    });
  }

  test("an aborted read is refused before any work", async () => {
    await assert.rejects(reader.readPlane(0, 0, 0, AbortSignal.abort()), { name: "AbortError" });
  });
});

for (const seed of [undefined, 77]) {
  describe(`siRnaHelaImages ground truth (seed ${seed ?? "default"})`, () => {
    const { readers, truth } = siRnaHelaImages(seed === undefined ? {} : { seed });

    test("8–15 nuclei per field, 10–30 pairs per nucleus, 0.5–1.0 µm apart", () => {
      for (const t of truth) {
        assert.ok(t.nuclei.length >= 8 && t.nuclei.length <= 15, `image ${t.imageIndex}: ${t.nuclei.length} nuclei`);
        for (const [k, n] of t.nuclei.entries()) {
          const pairs = t.centromerePairs.filter((p) => p.nucleus === k);
          assert.ok(pairs.length >= 10 && pairs.length <= 30, `nucleus ${k}: ${pairs.length} pairs`);
          assert.ok(n.rx >= n.ry && n.angle >= 0 && n.angle < Math.PI);
        }
        for (const p of t.centromerePairs) {
          const d = Math.hypot((p.a[0] - p.b[0]) * PIXEL_SIZE, (p.a[1] - p.b[1]) * PIXEL_SIZE, (p.a[2] - p.b[2]) * PLANE_SPACING);
          assert.ok(Math.abs(d - p.distanceUm) < 1e-9, "distanceUm is the calibrated 3-D distance");
          assert.ok(d >= 0.5 - 1e-9 && d <= 1.0 + 1e-9, `pair ${d} µm apart`);
          const n = t.nuclei[p.nucleus]!;
          assert.ok(rho(n, p.a[0], p.a[1]) < 1 && rho(n, p.b[0], p.b[1]) < 1, "both centromeres lie in their nucleus");
          for (const q of [p.a, p.b]) assert.ok(q[2] >= 0 && q[2] <= 8, `z ${q[2]} inside the stack`);
        }
        for (const s of t.spots) assert.ok(t.nuclei.every((n) => rho(n, s[0], s[1]) > 1), "spots are cytoplasmic");
      }
    });

    test("every centromere is the brightest pixel of its neighbourhood, within 1 px of the truth, in its plane", async () => {
      for (const t of truth) {
        const planes = await readAllZ(readers[t.imageIndex]!, 3);
        for (const p of t.centromerePairs) {
          for (const [x, y, z] of [p.a, p.b]) {
            const plane = planes[Math.round(z)]!;
            const [i, j] = brightestNear(plane, x, y, 2);
            const off = Math.hypot(i + 0.5 - x, j + 0.5 - y);
            assert.ok(off <= 1, `image ${t.imageIndex}: dot at (${x.toFixed(2)}, ${y.toFixed(2)}, ${z.toFixed(2)}) peaks at pixel (${i}, ${j}), ${off.toFixed(2)} px away`);
            const profile = planes.map((pl) => pl.data[j * pl.width + i]!);
            const bestZ = profile.indexOf(Math.max(...profile));
            assert.ok(Math.abs(bestZ - z) <= 1, `dot at z ${z.toFixed(2)} is brightest in plane ${bestZ}`);
          }
        }
      }
    });

    test("DAPI is several times brighter inside nuclei than outside, and brightest at mid-Z", async () => {
      for (const t of truth) {
        const reader = readers[t.imageIndex]!;
        const mid = await reader.readPlane(4, 0, 0);
        const regions = nucleusRegions(mid.width, mid.height, t);
        const { inside, outside } = meanInsideOutside(mid, regions);
        assert.ok(inside > 3 * outside, `image ${t.imageIndex}: inside ${inside.toFixed(0)}, outside ${outside.toFixed(0)}`);
        for (const z of [0, 8]) {
          const edge = meanInsideOutside(await reader.readPlane(z, 0, 0), regions);
          assert.ok(edge.inside < inside, `plane ${z} is dimmer than mid-Z`);
        }
      }
    });
  });
}

/** ρ of a point for the nucleus ellipse: below 1 inside (SCRIPTS.md §2 ellipse rule, rotated). */
function rho(n: NucleusTruth, x: number, y: number): number {
  const dx = x - n.x;
  const dy = y - n.y;
  const u = dx * Math.cos(n.angle) + dy * Math.sin(n.angle);
  const v = -dx * Math.sin(n.angle) + dy * Math.cos(n.angle);
  return Math.hypot(u / n.rx, v / n.ry);
}

/**
 * Labels each pixel by its centre: 1 inside a nucleus, 2 well outside every nucleus (ρ > 1.3), 0 in
 * the blurred rim between. Each nucleus only visits its bounding box.
 */
function nucleusRegions(width: number, height: number, t: SiRnaHelaTruth): Uint8Array {
  const regions = new Uint8Array(width * height).fill(2);
  for (const n of t.nuclei) {
    const reach = 1.3 * n.rx + 1;
    for (let j = Math.max(0, Math.floor(n.y - reach)); j < Math.min(height, Math.ceil(n.y + reach)); j++) {
      for (let i = Math.max(0, Math.floor(n.x - reach)); i < Math.min(width, Math.ceil(n.x + reach)); i++) {
        const r = rho(n, i + 0.5, j + 0.5);
        if (r <= 1) regions[j * width + i] = 1;
        else if (r <= 1.3 && regions[j * width + i] === 2) regions[j * width + i] = 0;
      }
    }
  }
  return regions;
}

function meanInsideOutside(plane: Plane, regions: Uint8Array): { inside: number; outside: number } {
  const sum = [0, 0, 0];
  const count = [0, 0, 0];
  plane.data.forEach((v, p) => { sum[regions[p]!]! += v; count[regions[p]!]! += 1; });
  return { inside: sum[1]! / count[1]!, outside: sum[2]! / count[2]! };
}

async function readAllZ(reader: ImageReader, c: number): Promise<Plane[]> {
  const planes: Plane[] = [];
  for (let z = 0; z < reader.metadata.sizeZ; z++) planes.push(await reader.readPlane(z, c, 0));
  return planes;
}

/** The pixel (i, j) of highest value among those whose centres lie within `radius` px of (x, y). */
function brightestNear(plane: Plane, x: number, y: number, radius: number): [number, number] {
  let best: [number, number] = [-1, -1];
  let bestValue = -Infinity;
  for (let j = Math.floor(y - radius); j <= Math.ceil(y + radius); j++) {
    for (let i = Math.floor(x - radius); i <= Math.ceil(x + radius); i++) {
      if (i < 0 || j < 0 || i >= plane.width || j >= plane.height) continue;
      if (Math.hypot(i + 0.5 - x, j + 0.5 - y) > radius) continue;
      const v = plane.data[j * plane.width + i]!;
      if (v > bestValue) { bestValue = v; best = [i, j]; }
    }
  }
  return best;
}
