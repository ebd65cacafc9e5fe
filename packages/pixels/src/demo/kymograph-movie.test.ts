/**
 * The kymograph time-lapse: metadata, determinism, and particles that are where the truth says.
 * Positions are recomputed here by walking the path's segments, and the kymograph is sampled as
 * SCRIPTS.md §3 describes (unit arc-length steps, bilinear interpolation of raw pixels), so the
 * check covers what the Kymograph scripts will see.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isFoveaError, type Plane } from "@fovea/model";
import { kymographMovie, type PathPoint, type TrackTruth } from "./kymograph-movie.ts";

describe("kymographMovie metadata and truth", () => {
  const { reader, truth } = kymographMovie();

  test("a 256 × 256 single-channel uint16 movie of 60 frames, 0.16 µm/px, 0.5 s/frame", () => {
    const m = reader.metadata;
    assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT], [256, 256, 1, 1, 60]);
    assert.equal(m.pixelType, "uint16");
    assert.deepEqual(m.channels.map((c) => c.name), ["GFP"]);
    assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.timeIncrement], [0.16, 0.16, 0.5]);
    assert.deepEqual([truth.pixelSize, truth.timeIncrement], [0.16, 0.5]);
  });

  test("3–5 curved tracks inside the image, 0.1–0.8 µm/s, both directions", () => {
    assert.ok(truth.tracks.length >= 3 && truth.tracks.length <= 5);
    assert.ok(truth.tracks.some((t) => t.speedUmPerS < 0) && truth.tracks.some((t) => t.speedUmPerS > 0));
    for (const track of truth.tracks) {
      const speed = Math.abs(track.speedUmPerS);
      assert.ok(speed >= 0.1 && speed <= 0.8, `speed ${speed}`);
      assert.ok(track.path.every(([x, y]) => x >= 0 && y >= 0 && x <= 256 && y <= 256));
      for (let k = 1; k < track.path.length; k++) assert.ok(dist(track.path[k - 1]!, track.path[k]!) <= 5, "vertices every few px");
      const length = pathLength(track.path);
      const end = track.startArcLengthPx + (track.speedUmPerS * 59 * 0.5) / 0.16;
      for (const s of [track.startArcLengthPx, end]) assert.ok(s > 0 && s < length, "the particle stays on its path");
      assert.ok(bulge(track.path) >= 1.5, `track bends ${bulge(track.path).toFixed(2)} px away from its chord`);
    }
  });

  test("options size the movie", () => {
    const small = kymographMovie({ sizeX: 160, sizeY: 120, sizeT: 20 });
    const m = small.reader.metadata;
    assert.deepEqual([m.sizeX, m.sizeY, m.sizeT], [160, 120, 20]);
    assert.throws(() => kymographMovie({ sizeT: 0 }), RangeError);
    assert.throws(() => kymographMovie({ sizeX: 16, sizeY: 16 }), /too small/);
  });
});

describe("kymographMovie determinism and errors", () => {
  test("the same seed gives identical frames; another seed differs", async () => {
    const a = kymographMovie({ seed: 3 });
    const b = kymographMovie({ seed: 3 });
    const c = kymographMovie({ seed: 4 });
    assert.deepEqual(a.truth, b.truth);
    assert.notDeepEqual(a.truth, c.truth);
    for (const t of [0, 31, 59]) {
      const frame = (await a.reader.readPlane(0, 0, t)).data;
      assert.deepEqual(frame, (await b.reader.readPlane(0, 0, t)).data);
      assert.notDeepEqual(frame, (await c.reader.readPlane(0, 0, t)).data);
    }
  });

  test("a frame outside the movie is refused with the axis named", async () => {
    const { reader } = kymographMovie();
    await assert.rejects(reader.readPlane(0, 0, 60), (err: unknown) => {
      assert.ok(isFoveaError(err, "VALIDATION_FAILED"));
      assert.match(err.message, /t must be an integer in 0\.\.59 \(got 60\)/);
      return true;
    });
    await assert.rejects(reader.readPlane(1, 0, 0), /z must be an integer in 0\.\.0/);
    await assert.rejects(reader.readPlane(0, 1, 0), /c must be an integer in 0\.\.0/);
  });
});

for (const seed of [undefined, 12, 345]) {
  describe(`kymographMovie particles (seed ${seed ?? "default"})`, () => {
    const { reader, truth } = kymographMovie(seed === undefined ? {} : { seed });
    const pixelsPerFrame = (track: TrackTruth) => (track.speedUmPerS * truth.timeIncrement) / truth.pixelSize;

    test("each particle is a local maximum within 1.5 px of its predicted place at the first and last frame", async () => {
      for (const t of [0, reader.metadata.sizeT - 1]) {
        const frame = await reader.readPlane(0, 0, t);
        for (const [k, track] of truth.tracks.entries()) {
          const predicted = pointAt(track.path, track.startArcLengthPx + pixelsPerFrame(track) * t);
          const found = localMaximumNear(frame, predicted, 4);
          const off = dist(found, predicted);
          assert.ok(off <= 1.5, `track ${k} frame ${t}: predicted (${predicted.map((v) => v.toFixed(1))}), found (${found.map((v) => v.toFixed(1))})`);
        }
      }
    });

    test("a kymograph along each path shows a straight stripe of slope speed·Δt/pixelSize", async () => {
      const frames: Plane[] = [];
      for (let t = 0; t < reader.metadata.sizeT; t++) frames.push(await reader.readPlane(0, 0, t));
      for (const [k, track] of truth.tracks.entries()) {
        const columns = frames.map((frame) => brightestColumn(kymographRow(frame, track.path)));
        const { slope, intercept } = fitLine(columns);
        const expected = pixelsPerFrame(track);
        assert.ok(Math.abs(slope - expected) < 0.01 + 0.02 * Math.abs(expected), `track ${k}: slope ${slope}, expected ${expected}`);
        assert.ok(Math.abs(intercept - track.startArcLengthPx) < 1, `track ${k}: starts at column ${intercept}`);
        // Kymograph Analysis: velocity = dx·pixelSize / (dy·timeIncrement), here per frame (Line_Width 1).
        const velocity = (slope * truth.pixelSize) / truth.timeIncrement;
        assert.ok(Math.abs(velocity - track.speedUmPerS) < 0.02, `track ${k}: ${velocity} µm/s vs ${track.speedUmPerS}`);
      }
    });
  });
}

function dist(a: PathPoint, b: PathPoint): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** The largest distance of a vertex from the chord joining the path's ends. */
function bulge(path: readonly PathPoint[]): number {
  const [a, b] = [path[0]!, path[path.length - 1]!];
  const chord = dist(a, b);
  return Math.max(...path.map(([x, y]) => Math.abs((b[0] - a[0]) * (a[1] - y) - (a[0] - x) * (b[1] - a[1])) / chord));
}

function pathLength(path: readonly PathPoint[]): number {
  let length = 0;
  for (let k = 1; k < path.length; k++) length += dist(path[k - 1]!, path[k]!);
  return length;
}

/** The point at arc length s, walking the segments from the first point. */
function pointAt(path: readonly PathPoint[], s: number): PathPoint {
  let left = s;
  for (let k = 1; k < path.length; k++) {
    const a = path[k - 1]!;
    const b = path[k]!;
    const d = dist(a, b);
    if (left <= d) return [a[0] + ((b[0] - a[0]) * left) / d, a[1] + ((b[1] - a[1]) * left) / d];
    left -= d;
  }
  return path[path.length - 1]!;
}

/** Hill-climbs from the pixel under `start` to a local maximum, then refines it by a 3 × 3 centroid. */
function localMaximumNear(plane: Plane, start: PathPoint, maxSteps: number): PathPoint {
  const value = (i: number, j: number) => plane.data[j * plane.width + i]!;
  let i = Math.floor(start[0]);
  let j = Math.floor(start[1]);
  for (let step = 0; step < maxSteps; step++) {
    let [bi, bj] = [i, j];
    for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) if (value(i + di, j + dj) > value(bi, bj)) [bi, bj] = [i + di, j + dj];
    if (bi === i && bj === j) break;
    [i, j] = [bi, bj];
  }
  const background = 150;
  let sw = 0, sx = 0, sy = 0;
  for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const w = Math.max(0, value(i + di, j + dj) - background);
      sw += w; sx += w * (i + di + 0.5); sy += w * (j + dj + 0.5);
    }
  }
  return [sx / sw, sy / sw];
}

/** One kymograph row (Line_Width 1): bilinear samples of the raw pixels at s = 0, 1, …, ⌊L⌋. */
function kymographRow(plane: Plane, path: readonly PathPoint[]): number[] {
  const row: number[] = [];
  for (let s = 0; s <= Math.floor(pathLength(path)); s++) {
    const [x, y] = pointAt(path, s);
    const fx = x - 0.5; // pixel centres sit at i + 0.5
    const fy = y - 0.5;
    const i = Math.floor(fx);
    const j = Math.floor(fy);
    const u = fx - i;
    const v = fy - j;
    const at = (a: number, b: number) => plane.data[b * plane.width + a]!;
    row.push((1 - u) * (1 - v) * at(i, j) + u * (1 - v) * at(i + 1, j) + (1 - u) * v * at(i, j + 1) + u * v * at(i + 1, j + 1));
  }
  return row;
}

/** The column of the row's maximum, refined by a parabola through it and its neighbours. */
function brightestColumn(row: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k]! > row[best]!) best = k;
  if (best === 0 || best === row.length - 1) return best;
  const [l, c, r] = [row[best - 1]!, row[best]!, row[best + 1]!];
  const denominator = l - 2 * c + r;
  return denominator === 0 ? best : best + (0.5 * (l - r)) / denominator;
}

/** Least-squares line through (t, ys[t]). */
function fitLine(ys: readonly number[]): { slope: number; intercept: number } {
  const n = ys.length;
  const mt = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  ys.forEach((y, t) => { num += (t - mt) * (y - my); den += (t - mt) ** 2; });
  const slope = num / den;
  return { slope, intercept: my - slope * mt };
}
