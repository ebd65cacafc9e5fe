/**
 * The official Kymograph and Kymograph_Analysis scripts through a real server, its runner and
 * jobs (SCRIPTS.md §3). Kymographs are checked against an independent computation from raw planes
 * (kymo-harness.ts); velocities against the ground truth of the synthetic demo movie, whose
 * particles move at known speeds along known tracks; then on a real time-lapse of beads in water.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ImageReader } from "@fovea/core";
import { kymographMovie, type KymographMovie } from "../../packages/pixels/src/demo/index.ts";
import {
  expectedKymograph, maxDifference, parseCsv, SKIP_REAL_DATA, startHarness, TEST_DATA, type ExpectedBand, type Harness, type Json,
} from "./kymo-harness.ts";

type Pt = [number, number];
const CSV_HEADER = [
  "image_id", "image_name", "roi_id", "shape_id", "type", "segment", "x_start", "y_start", "x_end", "y_end",
  "dx (pixels)", "dy (rows)", "distance (µm)", "time (s)", "velocity (µm/s)", "speed (µm/s)",
];

let h: Harness;
let actor: Json;

before(async () => {
  h = await startHarness();
  const root = await h.server.repos.users.findByUsername("root");
  actor = (await h.server.services.auth.openSession(root!, root!.defaultGroupId, "token")).auth.actor;
});
after(async () => h?.close());

async function newDataset(name: string): Promise<Json> {
  return h.api("POST", "/datasets", { name });
}
async function importInto(readers: ImageReader[], datasetId?: number): Promise<Json[]> {
  return h.server.services.imports.importReaders(actor, readers, { datasetId });
}
async function addRoi(imageId: number, name: string, shapes: Json[]): Promise<Json> {
  return h.api("POST", `/images/${imageId}/rois`, { name, shapes });
}
async function calibrationOf(imageId: number): Promise<Record<string, string>> {
  const anns = (await h.api("GET", `/images/${imageId}/annotations`)).items as Json[];
  return Object.fromEntries(anns.find((a) => a.namespace === "fovea.calibration")?.values ?? []);
}
async function imagesOf(datasetId: number): Promise<Json[]> {
  return (await h.api("GET", `/datasets/${datasetId}/images?limit=1000`)).items;
}
/** The kymographs a run made, keyed by the ROI its description names. */
async function kymographsByRoi(datasetId: number, sourceName: string): Promise<Map<number, Json>> {
  const found = new Map<number, Json>();
  for (const img of await imagesOf(datasetId)) {
    if (img.name !== `${sourceName}_kymograph`) continue;
    found.set(Number(/ROI (\d+)/.exec(img.description)![1]), img);
  }
  return found;
}
async function kymographPlane(id: number, c = 0): Promise<ArrayLike<number>> {
  return (await h.plane(id, c, 0)).data;
}
function pathLength(points: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return total;
}

describe("Kymograph and Kymograph Analysis on the demo movie (known speeds)", () => {
  let movie: KymographMovie;
  let source: Json;
  let datasets: Json[];
  const kymoOfTrack = new Map<number, Json>();
  const W = 4;

  before(async () => {
    movie = kymographMovie();
    datasets = [await newDataset("kymo-demo"), await newDataset("kymo-demo-also")];
    [source] = await importInto([movie.reader], datasets[0].id);
    await h.api("POST", `/datasets/${datasets[1].id}/images`, { imageId: source.id });
  });

  test("a polyline along each track gives one kymograph per ROI, equal to an independent bilinear computation", async () => {
    const rois = [];
    for (const [k, track] of movie.truth.tracks.entries()) {
      rois.push(await addRoi(source.id, `track ${k}`, [{ kind: "Polyline", points: track.path.map(([x, y]) => [x, y]) }]));
    }
    const job = await h.run("Kymograph", { IDs: [source.id] });
    assert.equal(job.status, "succeeded", job.error ?? "");
    const n = movie.truth.tracks.length;
    assert.equal(job.outputs.Message, `${n} new kymographs created.`);
    assert.equal(job.outputs.First_Image.type, "Image");

    const made = await kymographsByRoi(datasets[0].id, source.name);
    assert.equal(made.size, n);
    const alsoThere = new Set((await imagesOf(datasets[1].id)).map((i) => i.id));
    for (const [k, track] of movie.truth.tracks.entries()) {
      const kymo: Json = made.get(rois[k].id)!;
      kymoOfTrack.set(k, kymo);
      assert.ok(alsoThere.has(kymo.id), "the kymograph is in every dataset of its source");
      assert.match(kymo.description, new RegExp(`image ${source.id} .*ROI ${rois[k].id}, shape ${rois[k].shapes[0].id}`));
      assert.deepEqual([kymo.sizeX, kymo.sizeY, kymo.sizeZ, kymo.sizeC, kymo.sizeT, kymo.pixelType],
        [Math.floor(pathLength(track.path)) + 1, source.sizeT * W, 1, 1, 1, "uint16"]);
      assert.deepEqual(kymo.channels.map((c: Json) => [c.name, c.color]), source.channels.map((c: Json) => [c.name, c.color]));
      assert.equal(kymo.physicalSizeX, movie.truth.pixelSize);
      assert.deepEqual(await calibrationOf(kymo.id), { physicalSizeY: String(movie.truth.timeIncrement / W), physicalSizeYUnit: "s" });
      const bands: ExpectedBand[] = Array.from({ length: source.sizeT }, (_, t) => ({ t, points: track.path }));
      const expected = await expectedKymograph(h, source.id, 0, bands, W, kymo.sizeX);
      assert.ok(maxDifference(await kymographPlane(kymo.id), expected) <= 1, `track ${k}: pixels within ±1`);
    }
  });

  test("lines drawn along the stripes the truth predicts give the generator's velocities (within 5 %), with the right signs", async () => {
    const { pixelSize, timeIncrement } = movie.truth;
    const expectedSpeed = new Map<number, number>();
    const kymoIds: number[] = [];
    for (const [k, track] of movie.truth.tracks.entries()) {
      const kymo = kymoOfTrack.get(k)!;
      const fit = fitStripe(await kymographPlane(kymo.id), kymo.sizeX, source.sizeT, W, (t) => track.startArcLengthPx + (track.speedUmPerS * t * timeIncrement) / pixelSize);
      // The pixel of column s and time point t has its centre at (s + 0.5, t·W + W/2).
      const at = (t: number): Pt => [fit.a + fit.b * t + 0.5, t * W + W / 2];
      const shapes: Json[] = [{ kind: "Line", x1: at(fit.t0)[0], y1: at(fit.t0)[1], x2: at(fit.t1)[0], y2: at(fit.t1)[1] }];
      if (k === 0) {
        const mid = Math.round((fit.t0 + fit.t1) / 2);
        shapes.push({ kind: "Polyline", points: [at(fit.t0), at(mid), at(fit.t1)] });
        shapes.push({ kind: "Line", x1: 3, y1: 10, x2: 20, y2: 10 }); // dy = 0
      }
      const roi = await addRoi(kymo.id, `stripe ${k}`, shapes);
      expectedSpeed.set(roi.shapes[0].id, track.speedUmPerS);
      if (k === 0) expectedSpeed.set(roi.shapes[1].id, track.speedUmPerS);
      kymoIds.push(kymo.id);
    }
    const job = await h.run("Kymograph_Analysis", { IDs: kymoIds });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.match(job.outputs.Message, /dy = 0/);
    const file = await h.api<Json>("GET", `/annotations/${job.outputs.Line_Data.id}`);
    assert.equal(file.file.name, `kymograph_velocities_${kymoIds.join("-")}.csv`);
    for (const id of kymoIds) {
      const anns = (await h.api("GET", `/images/${id}/annotations`)).items as Json[];
      assert.ok(anns.some((a) => a.id === file.id), `the CSV is attached to kymograph ${id}`);
    }
    const [header, ...rows] = parseCsv(await h.api<string>("GET", `/annotations/${file.id}/file`));
    assert.deepEqual(header, CSV_HEADER);
    const col = (name: string) => CSV_HEADER.indexOf(name);
    const errors: string[] = [];
    for (const row of rows) {
      const shapeId = Number(row[col("shape_id")]);
      if (Number(row[col("dy (rows)")]) === 0) {
        assert.deepEqual([row[col("velocity (µm/s)")], row[col("speed (µm/s)")]], ["", ""], "dy = 0: blank velocity and speed");
        continue;
      }
      const truth = expectedSpeed.get(shapeId)!;
      const velocity = Number(row[col("velocity (µm/s)")]);
      const dx = Number(row[col("dx (pixels)")]);
      const dy = Number(row[col("dy (rows)")]);
      assert.ok(Math.abs(Number(row[col("distance (µm)")]) - dx * pixelSize) < 1e-9);
      assert.ok(Math.abs(Number(row[col("time (s)")]) - (dy * timeIncrement) / W) < 1e-9);
      assert.equal(Math.sign(velocity), Math.sign(truth), `shape ${shapeId}: sign`);
      assert.equal(Number(row[col("speed (µm/s)")]), Math.abs(velocity));
      const relative = Math.abs(velocity - truth) / Math.abs(truth);
      errors.push(`${row[col("type")]} ${shapeId}/${row[col("segment")]}: ${velocity.toFixed(4)} vs ${truth.toFixed(4)} µm/s (${(100 * relative).toFixed(2)} %)`);
      assert.ok(relative < 0.05, errors[errors.length - 1]);
    }
    const polylineRows = rows.filter((r) => r[col("type")] === "polyline").map((r) => r[col("segment")]);
    assert.deepEqual(polylineRows, ["1", "2", "all"]);
    console.log(`velocity errors:\n  ${errors.join("\n  ")}`);
  });

  test("wrong inputs are reported, not fatal: Kymograph on a kymograph, Kymograph Analysis on a time-lapse", async () => {
    const kymo = kymoOfTrack.get(0)!;
    const k = await h.run("Kymograph", { IDs: [kymo.id] });
    assert.equal(k.status, "succeeded", k.error ?? "");
    assert.match(k.outputs.Message, new RegExp(`^No kymograph created\\. Skipped: image ${kymo.id} .*has no time points`));
    const a = await h.run("Kymograph_Analysis", { IDs: [source.id] });
    assert.equal(a.status, "succeeded", a.error ?? "");
    assert.match(a.outputs.Message, new RegExp(`image ${source.id} .*is a time-lapse`));
    assert.equal(a.outputs.Line_Data, undefined);
  });
});

/**
 * The stripe's column at each time point (the band's mean row; the brightest column near the
 * predicted one, refined by a parabola through its neighbours), and a least-squares line
 * column = a + b·t through them: a measurement of the kymograph's content, not of the truth.
 */
function fitStripe(plane: ArrayLike<number>, sizeX: number, sizeT: number, W: number, predicted: (t: number) => number) {
  const ts: number[] = [];
  const cols: number[] = [];
  for (let t = 0; t < sizeT; t++) {
    const guess = Math.round(predicted(t));
    if (guess < 6 || guess > sizeX - 7) continue;
    const mean = (s: number) => {
      let sum = 0;
      for (let k = 0; k < W; k++) sum += plane[(t * W + k) * sizeX + s]!;
      return sum / W;
    };
    let best = guess - 4;
    for (let s = guess - 4; s <= guess + 4; s++) if (mean(s) > mean(best)) best = s;
    const [l, m, r] = [mean(best - 1), mean(best), mean(best + 1)];
    const denominator = l - 2 * m + r;
    ts.push(t);
    cols.push(best + (denominator < 0 ? (0.5 * (l - r)) / denominator : 0));
  }
  const n = ts.length;
  const mt = ts.reduce((a, b) => a + b, 0) / n;
  const mc = cols.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (ts[i]! - mt) * (cols[i]! - mc);
    sxx += (ts[i]! - mt) ** 2;
  }
  const b = sxy / sxx;
  return { a: mc - b * mt, b, t0: ts[0]!, t1: ts[n - 1]! };
}

describe("Kymograph on an uncalibrated two-channel int16 time-lapse", () => {
  const img = { sizeX: 40, sizeY: 30, sizeZ: 1, sizeC: 2, sizeT: 5 };
  const value = (x: number, y: number, c: number, t: number) => Math.round(900 * Math.sin(x * 0.3 + t) + 37 * y - 400 * c + ((x * 7 + y * 3) % 11) * 13 - 500);
  const reader = (name: string): ImageReader => ({
    metadata: { name, ...img, pixelType: "int16", channels: [{ name: "red", color: "FF0000" }, { name: "far, \"red\"" }], format: "Generated" },
    readPlane: async (_z, c, t) => ({
      width: img.sizeX, height: img.sizeY,
      data: Int16Array.from({ length: img.sizeX * img.sizeY }, (_, i) => value(i % img.sizeX, Math.floor(i / img.sizeX), c, t)),
    }),
  });
  let source: Json;
  let dataset: Json;
  let roi: Json;
  // Lines win over the polyline; the second line leaves the image (samples outside are 0).
  const early: Pt[] = [[3.2, 4.7], [30.9, 20.4]];
  const late: Pt[] = [[20.5, 2.5], [46.25, 27.75]];

  before(async () => {
    dataset = await newDataset("kymo-int16");
    [source] = await importInto([reader("two-channel")], dataset.id);
    roi = await addRoi(source.id, "moving line", [
      { kind: "Line", x1: early[0]![0], y1: early[0]![1], x2: early[1]![0], y2: early[1]![1], t: 1 },
      { kind: "Polyline", points: [[1, 1], [10, 10], [20, 5]] },
      { kind: "Line", x1: late[0]![0], y1: late[0]![1], x2: late[1]![0], y2: late[1]![1], t: 3 },
    ]);
  });

  async function checkKymograph(kymo: Json, bands: ExpectedBand[], W: number): Promise<void> {
    const sizeX = Math.max(...bands.map((b) => Math.floor(pathLength(b.points)) + 1));
    assert.deepEqual([kymo.sizeX, kymo.sizeY, kymo.sizeZ, kymo.sizeT, kymo.pixelType], [sizeX, bands.length * W, 1, 1, "int16"]);
    assert.deepEqual(kymo.channels.map((c: Json) => [c.name, c.color]), source.channels.map((c: Json) => [c.name, c.color]));
    for (const c of [0, 1]) {
      const expected = await expectedKymograph(h, source.id, c, bands, W, sizeX);
      assert.ok(maxDifference(await kymographPlane(kymo.id, c), expected) <= 1, `channel ${c} within ±1`);
    }
  }

  test("Use_All_Timepoints off: only the time points with a shape, calibrated from Time_Increment and Pixel_Size", async () => {
    const job = await h.run("Kymograph", { IDs: [source.id], Line_Width: 3, Use_All_Timepoints: false, Time_Increment: 2, Pixel_Size: 0.5 });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.equal(job.outputs.Message, "New kymograph created: two-channel_kymograph.");
    const kymo = await h.api("GET", `/images/${job.outputs.New_Image.id}`);
    assert.ok((await imagesOf(dataset.id)).some((i) => i.id === kymo.id));
    assert.match(kymo.description, new RegExp(`ROI ${roi.id}, shapes ${roi.shapes[0].id}, ${roi.shapes[2].id} \\(Line\\)`));
    await checkKymograph(kymo, [{ t: 1, points: early }, { t: 3, points: late }], 3);
    assert.equal(kymo.physicalSizeX, 0.5);
    assert.deepEqual(await calibrationOf(kymo.id), { physicalSizeY: String(2 / 3), physicalSizeYUnit: "s" });
  });

  test("Use_All_Timepoints on: each time point takes its own shape, the nearest earlier one, or the first", async () => {
    const job = await h.run("Kymograph", { IDs: [source.id], Line_Width: 2 });
    assert.equal(job.status, "succeeded", job.error ?? "");
    const kymo = await h.api("GET", `/images/${job.outputs.New_Image.id}`);
    const bands = [early, early, early, late, late].map((points, t) => ({ t, points }));
    await checkKymograph(kymo, bands, 2);
    assert.equal(kymo.physicalSizeX, null, "no Pixel_Size given: X stays in pixels");
    assert.deepEqual(await calibrationOf(kymo.id), {});
    assert.match(job.stdout, /no time increment/);

    // Uncalibrated: the physical columns stay blank.
    await addRoi(kymo.id, "stripe", [{ kind: "Line", x1: 2.5, y1: 1, x2: 12.5, y2: 9 }]);
    const a = await h.run("Kymograph_Analysis", { IDs: [kymo.id] });
    assert.equal(a.status, "succeeded", a.error ?? "");
    const [, row] = parseCsv(await h.api<string>("GET", `/annotations/${a.outputs.Line_Data.id}/file`));
    assert.deepEqual(row!.slice(4), ["line", "1", "2.5", "1", "12.5", "9", "10", "8", "", "", "", ""]);
  });

  test("a time-lapse without lines is reported, not fatal", async () => {
    const [bare] = await importInto([reader("no lines")], dataset.id);
    const job = await h.run("Kymograph", { IDs: [bare.id] });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.match(job.outputs.Message, new RegExp(`^No kymograph created\\. Skipped: image ${bare.id} \\(no lines\\) has no ROI with a Line or Polyline`));
  });
});

describe("Kymograph on real beads in water (bulk_water_t100_crop192.ome.tif)", () => {
  test("a line and a polyline give kymographs equal to an independent bilinear computation", { skip: SKIP_REAL_DATA }, async () => {
    const dataset = await newDataset("beads");
    const [source] = await h.server.services.imports.importFile(actor, { path: `${TEST_DATA}/derived/bulk_water_t100_crop192.ome.tif`, originals: [] }, { datasetId: dataset.id });
    assert.equal(source!.sizeT, 100);
    const line: Pt[] = [[8.3, 96.6], [183.1, 91.2]];
    const poly: Pt[] = [[20.5, 20.5], [100.2, 60.7], [150.9, 30.1], [170, 170]];
    const lineRoi = await addRoi(source!.id, "line", [{ kind: "Line", x1: line[0]![0], y1: line[0]![1], x2: line[1]![0], y2: line[1]![1] }]);
    const polyRoi = await addRoi(source!.id, "polyline", [{ kind: "Polyline", points: poly }]);
    const W = 3;
    const job = await h.run("Kymograph", { IDs: [source!.id], Line_Width: W });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.equal(job.outputs.Message, "2 new kymographs created.");
    const made = await kymographsByRoi(dataset.id, source!.name);
    for (const [roi, points] of [[lineRoi, line], [polyRoi, poly]] as const) {
      const kymo = made.get(roi.id)!;
      assert.deepEqual([kymo.sizeX, kymo.sizeY, kymo.sizeZ, kymo.sizeC, kymo.sizeT, kymo.pixelType], [Math.floor(pathLength(points)) + 1, 100 * W, 1, 1, 1, "uint8"]);
      assert.ok(Math.abs(kymo.physicalSizeX - 1 / 2.85) < 1e-6, `X calibration ${kymo.physicalSizeX}`);
      assert.ok(Math.abs(Number((await calibrationOf(kymo.id)).physicalSizeY) - 1 / 24 / W) < 1e-9);
      const bands = Array.from({ length: 100 }, (_, t) => ({ t, points }));
      assert.ok(maxDifference(await kymographPlane(kymo.id), await expectedKymograph(h, source!.id, 0, bands, W, kymo.sizeX)) <= 1);
    }
  });
});
