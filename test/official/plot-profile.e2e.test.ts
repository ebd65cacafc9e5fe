/**
 * The official Python analysis_scripts/Plot_Profile through a real server, its runner and real
 * python3 jobs. Every profile value is checked against an independent computation from the raw
 * planes (GET /images/:id/pixels): arc-length positions and bilinear interpolation written in
 * kymo-harness.ts from SCRIPTS.md §3, then the Line_Width rows reduced here by sum or mean. Lines
 * and polylines, Line_Width 1 and 3, Sum and Average, shapes on their own Z/T, on a demo
 * siRNA-HeLa image (4 channels) and a generated time-lapse.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { readerOf, UINT16_IMAGE } from "../measure/measure-fixtures.ts";
import { bandPositions, bilinear, parseCsv, startHarness, type Harness, type Json } from "./kymo-harness.ts";

type Pt = [number, number];
const HEADER = ["Image_ID", "ROI_ID", "Shape_ID", "Z", "T", "C"];

let h: Harness;
let actor: Json;
let hela: Json;
let movie: Json;
let bare: Json;
/** The path shapes of each image, as stored (in ROI then shape order). */
const pathShapes = new Map<number, Json[]>();

function pointsOf(shape: Json): Pt[] {
  return shape.kind === "Line" ? [[shape.x1, shape.y1], [shape.x2, shape.y2]] : shape.points.map(([x, y]: Pt) => [x, y]);
}

/** The profile SCRIPTS.md asks for: per sample, the W bilinear values across the path, summed or averaged. */
async function expectedProfile(image: Json, shape: Json, c: number, width: number, sum: boolean): Promise<number[]> {
  const plane = await h.plane(image.id, c, shape.t ?? 0, shape.z ?? 0);
  const pos = bandPositions(pointsOf(shape), width);
  return Array.from({ length: pos.n }, (_, s) => {
    let total = 0;
    for (let k = 0; k < width; k++) total += bilinear(plane, ...pos.at(k, s));
    return sum ? total : total / width;
  });
}

async function csvOf(ref: Json): Promise<{ name: string; rows: string[][]; links: Json }> {
  const annotation = await h.api("GET", `/annotations/${ref.id}`);
  const text = await h.api<string>("GET", `/annotations/${ref.id}/file`);
  assert.ok(text.endsWith("\n") && !text.includes("\r"), "\\n line ends");
  return { name: annotation.file.name, rows: parseCsv(text.slice(0, -1)), links: annotation };
}

/** Checks one CSV against the independent computation; returns the number of profiles. */
async function checkCsv(image: Json, rows: string[][], channels: number[], width: number, sum: boolean): Promise<void> {
  const shapes = pathShapes.get(image.id)!;
  const body = rows.slice(1);
  assert.equal(body.length, shapes.length * channels.length, "one row per path shape × channel");
  const longest = Math.max(...body.map((r) => r.filter((f) => f !== "").length)) - HEADER.length;
  assert.deepEqual(rows[0], [...HEADER, ...Array.from({ length: longest }, (_, s) => String(s))]);
  let r = 0;
  for (const shape of shapes) {
    for (const c of channels) {
      const row = body[r++]!;
      assert.equal(row.length, rows[0]!.length, "every row has as many fields as the header");
      assert.deepEqual(row.slice(0, 6).map(Number), [image.id, shape.roiId, shape.id, (shape.z ?? 0) + 1, (shape.t ?? 0) + 1, c + 1]);
      const expected = await expectedProfile(image, shape, c, width, sum);
      const got = row.slice(6);
      assert.deepEqual(got.slice(expected.length), Array(got.length - expected.length).fill(""), "a shorter profile is padded with empty fields");
      for (const [s, v] of expected.entries()) {
        const value = Number(got[s]);
        assert.ok(Math.abs(value - v) <= 1e-9 * Math.max(1, Math.abs(v)), `shape ${shape.id}, C ${c + 1}, sample ${s}: ${value} vs ${v}`);
      }
    }
  }
}

async function addRoi(imageId: number, shapes: Json[]): Promise<Json> {
  const roi = await h.api("POST", `/images/${imageId}/rois`, { name: "profile", shapes });
  pathShapes.set(imageId, [...(pathShapes.get(imageId) ?? []), ...roi.shapes.filter((s: Json) => s.kind === "Line" || s.kind === "Polyline")]);
  return roi;
}

before(async () => {
  h = await startHarness();
  const root = await h.server.repos.users.findByUsername("root");
  actor = (await h.server.services.auth.openSession(root!, root!.defaultGroupId, "token")).auth.actor;
  [hela] = await h.server.services.imports.importReaders(actor, siRnaHelaImages({ count: 1, sizeX: 64, sizeY: 48, sizeZ: 3 }).readers);
  [movie, bare] = await h.server.services.imports.importReaders(actor, [readerOf(UINT16_IMAGE, "movie"), readerOf(UINT16_IMAGE, "bare")]);
  // A diagonal line, a polyline with a sharp turn, a line leaving the image (samples 0 outside),
  // and a rectangle and a point that are not profiled.
  await addRoi(hela.id, [
    { kind: "Line", x1: 3.25, y1: 4.5, x2: 50.75, y2: 31.2 },
    { kind: "Rectangle", x: 2, y: 2, width: 10, height: 8 },
    { kind: "Polyline", points: [[10.5, 40.25], [30, 12.5], [58.4, 20.1], [61.2, 44.9]] },
  ]);
  await addRoi(hela.id, [{ kind: "Line", x1: 40, y1: 10.5, x2: 70, y2: 10.5, z: 2 }, { kind: "Point", x: 5, y: 5 }]);
  await addRoi(movie.id, [
    { kind: "Polyline", points: [[1.5, 1.5], [20.25, 10], [35, 27.5]], z: 1, t: 2 },
    { kind: "Line", x1: 30.5, y1: 2.5, x2: 4.5, y2: 25.5, t: 1 },
  ]);
});
after(async () => h?.close());

describe("Plot_Profile (Python) equals an independent computation from raw planes", () => {
  test("it is registered from scripts/official as a Python script with the issue's parameters", async () => {
    const script = (await h.api("GET", "/scripts?folder=analysis_scripts&limit=1000")).items.find((s: Json) => s.name === "Plot_Profile");
    assert.ok(script?.official, "Plot_Profile is an official script");
    assert.equal(script.language, "python");
    const params = (await h.api("GET", `/scripts/${script.id}/params`)).params as Json[];
    assert.deepEqual(params.map((p) => [p.name, p.type, p.default, p.values, p.min, p.optional ?? false]), [
      ["Data_Type", "string", "Image", ["Image"], undefined, false],
      ["IDs", "list", undefined, undefined, undefined, false],
      ["Line_Width", "int", 1, undefined, 1, false],
      ["Sum_or_Average", "string", "Average", ["Sum", "Average"], undefined, false],
      ["Channels", "list", undefined, undefined, 1, true],
    ]);
  });

  for (const [width, mode] of [[1, "Average"], [3, "Sum"], [3, "Average"]] as const) {
    test(`Line_Width ${width}, ${mode}: every channel of every line and polyline, attached to the image as Plot_Profile_<id>.csv`, async () => {
      const job = await h.run("Plot_Profile", { IDs: [hela.id], Line_Width: width, Sum_or_Average: mode });
      assert.equal(job.status, "succeeded", job.error ?? "");
      const profiles = pathShapes.get(hela.id)!.length * hela.sizeC;
      assert.deepEqual(Object.keys(job.outputs).sort(), ["File_Annotation", "Message"]);
      assert.equal(job.outputs.Message, `Wrote ${profiles} profiles to Plot_Profile_${hela.id}.csv.`);
      assert.equal(job.outputs.File_Annotation.type, "FileAnnotation");
      const { name, rows } = await csvOf(job.outputs.File_Annotation);
      assert.equal(name, `Plot_Profile_${hela.id}.csv`);
      const attached = (await h.api("GET", `/images/${hela.id}/annotations`)).items as Json[];
      assert.ok(attached.some((a) => a.id === job.outputs.File_Annotation.id), "the CSV is attached to the image");
      await checkCsv(hela, rows, [0, 1, 2, 3], width, mode === "Sum");
    });
  }

  test("shapes on their own Z and T, chosen channels (1-based; out of range skipped), several images", async () => {
    const job = await h.run("Plot_Profile", { IDs: [movie.id, hela.id, bare.id], Line_Width: 3, Sum_or_Average: "Average", Channels: [2, 7, 2] });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.match(job.stdout, new RegExp(`image ${movie.id}: channel 7 skipped \\(the image has 2\\)`));
    assert.match(job.stdout, new RegExp(`image ${bare.id}: no Line or Polyline shape to profile`));
    const n = pathShapes.get(movie.id)!.length + pathShapes.get(hela.id)!.length;
    assert.deepEqual(Object.keys(job.outputs).sort(), ["Message", `Plot_Profile_${hela.id}`, `Plot_Profile_${movie.id}`].sort());
    assert.equal(job.outputs.Message, `Wrote ${n} profiles to 2 files.`);
    for (const image of [movie, hela]) {
      const { name, rows } = await csvOf(job.outputs[`Plot_Profile_${image.id}`]);
      assert.equal(name, `Plot_Profile_${image.id}.csv`);
      await checkCsv(image, rows, [1], 3, false);
    }
  });

  test("an image without lines gives a message and no file", async () => {
    const job = await h.run("Plot_Profile", { IDs: [bare.id] });
    assert.equal(job.status, "succeeded", job.error ?? "");
    assert.deepEqual(job.outputs, { Message: "No Line or Polyline shapes found on the chosen images." });
  });
});
