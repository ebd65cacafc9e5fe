/**
 * export_scripts/Batch_ROI_Export (SCRIPTS.md §3) through a real server, runner and job: the script
 * is the one the server registered at start from scripts/official. Every cell of every CSV row is
 * checked against a computation made here from raw planes read over GET /images/:id/pixels, with
 * the §2 pixel rules written out in roi-export-expected.ts (not the server's geometry code).
 *
 * Images: generated ones (one uncalibrated, one calibrated, so both headers are covered without
 * the data folder) and two real files (toxo.dv, xyzc_16bit__spots.tif) from FOVEA_TEST_DATA.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { dataPath, SKIP_REAL_DATA } from "../pixels/pixel-harness.ts";
import {
  cellMatches, expectedHeader, expectedRows, generatedReader, parseCsv, roisFor,
  type Expected, type ExportInputs, type GeneratedSpec, type ImageInfo, type StoredRoi,
} from "./roi-export-expected.ts";

const PASSWORD = "batch-roi-export-pw";
let server: RunningServer;
let dir: string;
let auth: Record<string, string>;
let scriptId: number;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { ...auth, ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T;
}

const TYPED = { uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array, uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array } as const;
const planes = new Map<string, ArrayLike<number>>();

/** The raw plane as GET /images/:id/pixels sends it (cached: the tests read each plane once). */
async function rawPlane(image: ImageInfo, z: number, c: number, t: number): Promise<ArrayLike<number>> {
  const key = `${image.id}/${z}/${c}/${t}`;
  const cached = planes.get(key);
  if (cached) return cached;
  const res = await fetch(`${server.url}/api/v1/images/${image.id}/pixels?z=${z}&c=${c}&t=${t}`, { headers: auth });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-fovea-shape"), `${image.sizeY},${image.sizeX}`);
  const ctor = TYPED[res.headers.get("x-fovea-dtype") as keyof typeof TYPED];
  const values = new ctor(await res.arrayBuffer());
  planes.set(key, values);
  return values;
}

interface JobResult {
  status: string;
  error: string | null;
  outputs: { Message?: string; File_Annotation?: { type: string; id: number } };
  log: string;
}

async function runExport(inputs: Record<string, unknown>): Promise<JobResult> {
  const job = await api<{ id: number }>("POST", `/scripts/${scriptId}/launch`, { inputs });
  let state: Omit<JobResult, "log">;
  for (;;) {
    state = await api("GET", `/jobs/${job.id}`);
    if (!["queued", "running"].includes(state.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = await api<string>("GET", `/jobs/${job.id}/logs/stdout`);
  assert.equal(state.status, "succeeded", `${state.error ?? ""}\n${log}`);
  return { ...state, log };
}

/** Imports readers or a real file as root, into a dataset when given; adds the test's ROIs. */
async function importImage(source: GeneratedSpec | string, datasetId?: number, withRois = true): Promise<ImageInfo> {
  const actor = (await server.services.auth.authenticate(auth.authorization!.slice(7))).actor;
  const options = datasetId === undefined ? {} : { datasetId };
  const [image] = typeof source === "string"
    ? await server.services.imports.importFile(actor, { path: source, originals: [] }, options)
    : await server.services.imports.importReaders(actor, [generatedReader(source)], options);
  if (withRois) for (const roi of roisFor(image!)) await api("POST", `/images/${image!.id}/rois`, roi);
  return image as ImageInfo;
}

/**
 * Checks the CSV of a finished job against the images (in the order the script must visit them):
 * the header, every cell of every row, RFC 4180 framing, the message and the row count.
 */
async function checkCsv(result: JobResult, images: ImageInfo[], inputs: ExportInputs, unit: "µm" | "pixels"): Promise<string[][]> {
  const text = await api<string>("GET", `/annotations/${result.outputs.File_Annotation!.id}/file`);
  if (process.env.DUMP_CSV) console.log(text);
  assert.ok(text.endsWith("\n") && !text.includes("\r"), "lines end with \\n");
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, expectedHeader(unit, inputs.Include_Points_Coords));
  const expected: Expected[][] = [];
  for (const image of images) {
    const rois = (await api<{ items: StoredRoi[] }>("GET", `/images/${image.id}/rois?limit=1000`)).items;
    expected.push(...await expectedRows(image, rois, inputs, unit === "µm", (z, c, t) => rawPlane(image, z, c, t)));
  }
  assert.equal(rows.length, expected.length, "one row per image × ROI × shape × plane × channel");
  rows.forEach((row, r) => {
    assert.equal(row.length, header!.length, `row ${r + 1} has every column`);
    row.forEach((cell, k) => {
      assert.ok(cellMatches(cell, expected[r]![k]!), `row ${r + 1} (${row.slice(0, 9).join(" | ")}), ${header![k]}: got ${JSON.stringify(cell)}, expected ${JSON.stringify(expected[r]![k])}`);
    });
  });
  assert.equal(result.outputs.Message, `Exported ${rows.length} shapes`);
  return rows;
}

async function annotationIds(type: "images" | "datasets" | "projects", id: number): Promise<number[]> {
  return (await api<{ items: { id: number }[] }>("GET", `/${type}/${id}/annotations`)).items.map((a) => a.id);
}

const DEFAULTS: ExportInputs = { Channels: [1, 2, 3, 4], Export_All_Planes: false, Include_Points_Coords: true, Only_Shape_Channel: false };

const UNCALIBRATED: GeneratedSpec = {
  name: 'gen, "uncalibrated"', sizeX: 41, sizeY: 33, sizeZ: 3, sizeC: 3, sizeT: 2, pixelType: "uint16",
  channels: ["DAPI", "GFP, bright", 'say "hi"'],
  value: (x, y, z, c, t) => (x * 131 + y * 977 + ((x * y) % 23) * 311 + z * 4099 + c * 20011 + t * 7919) % 65536,
};
const CALIBRATED: GeneratedSpec = {
  name: "gen calibrated", sizeX: 29, sizeY: 37, sizeZ: 2, sizeC: 2, sizeT: 3, pixelType: "float32",
  channels: ["red", "far red, 700nm"], physicalSize: { x: 0.25, y: 0.4 },
  value: (x, y, z, c, t) => Math.fround(Math.sin(x * 0.37 + t) * 100 + y * y * 0.25 - c * 3.5 + z * 0.125 + ((x * 7 + y * 3) % 5)),
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-batch-roi-"));
  server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: PASSWORD, logLevel: "silent", workers: 2 }));
  const res = await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: PASSWORD }) });
  auth = { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  const scripts = await api<{ items: { id: number; name: string; folder: string; official: boolean; params: { name: string; default?: unknown; grouping?: string }[] }[] }>("GET", "/scripts");
  const script = scripts.items.find((s) => s.name === "Batch_ROI_Export");
  assert.ok(script, "Batch_ROI_Export is registered at server start");
  assert.equal(script.folder, "export_scripts");
  assert.equal(script.official, true);
  assert.deepEqual(script.params.map((p) => [p.name, p.default, p.grouping]), [
    ["Data_Type", "Image", "1"], ["IDs", undefined, "2"], ["Channels", [1, 2, 3, 4], "3"], ["Export_All_Planes", false, "4"],
    ["Include_Points_Coords", true, "5"], ["File_Name", "Batch_ROI_Export.csv", "6"], ["Only_Shape_Channel", false, "7"],
  ]);
  scriptId = script.id;
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Batch_ROI_Export on generated images", () => {
  let plain: ImageInfo;
  before(async () => {
    plain = await importImage(UNCALIBRATED);
  });

  test("defaults on an uncalibrated image: pixels headers, blank planes, channel 4 skipped, file on the image", async () => {
    const result = await runExport({ Data_Type: "Image", IDs: [plain.id] });
    const rows = await checkCsv(result, [plain], DEFAULTS, "pixels");
    assert.ok(rows.some((r) => r[6] === "" && r[11] === ""), "a shape without z has blank z and statistics");
    assert.ok(rows.some((r) => r[1] === 'gen, "uncalibrated"' && r[8] === "GFP, bright"), "quoted names survive");
    assert.match(result.log, new RegExp(`Image ${plain.id}: channel 4 skipped \\(the image has channels 1 to 3\\)`));
    assert.ok((await annotationIds("images", plain.id)).includes(result.outputs.File_Annotation!.id));
    const file = await api<{ file: { name: string; mimeType: string } }>("GET", `/annotations/${result.outputs.File_Annotation!.id}`);
    assert.deepEqual([file.file.name, file.file.mimeType.split(";")[0]], ["Batch_ROI_Export.csv", "text/csv"]);
  });

  test("every plane, chosen channels, shape channel only, no Points column, .csv added", async () => {
    const inputs = { Channels: [3, 1, 3, 0], Export_All_Planes: true, Include_Points_Coords: false, Only_Shape_Channel: true };
    const result = await runExport({ Data_Type: "Image", IDs: [plain.id], File_Name: "my export", ...inputs });
    const rows = await checkCsv(result, [plain], inputs, "pixels");
    assert.ok(rows.every((r) => r[6] !== "" && r[7] !== ""), "every row has a plane");
    assert.match(result.log, /channel 0 skipped/);
    const file = await api<{ file: { name: string } }>("GET", `/annotations/${result.outputs.File_Annotation!.id}`);
    assert.equal(file.file.name, "my export.csv");
  });

  test("a project mixing calibrated and uncalibrated images: pixels, file on the project", async () => {
    const project = await api<{ id: number }>("POST", "/projects", { name: "mixed, project" });
    const dataset = await api<{ id: number }>("POST", "/datasets", { name: "mixed" });
    await api("POST", `/projects/${project.id}/datasets`, { datasetId: dataset.id });
    const a = await importImage(UNCALIBRATED, dataset.id);
    const b = await importImage(CALIBRATED, dataset.id);
    const order = (await api<{ items: ImageInfo[] }>("GET", `/datasets/${dataset.id}/images`)).items;
    assert.deepEqual(order.map((i) => i.id).sort(), [a.id, b.id].sort());
    const inputs = { ...DEFAULTS, Channels: [2, 1], Export_All_Planes: true };
    const result = await runExport({ Data_Type: "Project", IDs: [project.id], ...inputs });
    await checkCsv(result, order, inputs, "pixels");
    assert.ok((await annotationIds("projects", project.id)).includes(result.outputs.File_Annotation!.id));
    assert.match(result.log, new RegExp(`lengths and areas in pixels: Image ${a.id} has no physical pixel size`));
  });

  test("a calibrated image: lengths and areas in µm with per-axis sizes", async () => {
    const image = await importImage(CALIBRATED);
    const result = await runExport({ Data_Type: "Image", IDs: [image.id], Channels: [1, 2] });
    await checkCsv(result, [image], { ...DEFAULTS, Channels: [1, 2] }, "µm");
  });

  test("an image without ROIs is logged and nothing is attached", async () => {
    const bare = await importImage({ ...UNCALIBRATED, name: "no rois" }, undefined, false);
    const result = await runExport({ Data_Type: "Image", IDs: [bare.id] });
    assert.equal(result.outputs.Message, "Exported 0 shapes");
    assert.equal(result.outputs.File_Annotation, undefined);
    assert.match(result.log, new RegExp(`Image ${bare.id} "no rois": no ROIs, skipped`));
    assert.deepEqual(await annotationIds("images", bare.id), []);
  });

  test("an Image id given as a Dataset is refused before a job exists", async () => {
    // An image whose id no dataset has (ids of different kinds may coincide).
    const datasets = new Set((await api<{ items: { id: number }[] }>("GET", "/datasets?limit=1000")).items.map((d) => d.id));
    const image = (await api<{ items: { id: number }[] }>("GET", "/images?limit=1000")).items.find((i) => !datasets.has(i.id));
    assert.ok(image);
    const res = await fetch(`${server.url}/api/v1/scripts/${scriptId}/launch`, {
      method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ inputs: { Data_Type: "Dataset", IDs: [image.id] } }),
    });
    const body = (await res.json()) as { error: { code: string; details: { param: string; code: string; message: string }[] } };
    assert.equal(res.status, 400);
    assert.equal(body.error.code, "PARAM_INVALID");
    assert.deepEqual(body.error.details.map((d) => [d.param, d.code]), [["IDs[0]", "NOT_VISIBLE"]]);
    assert.match(body.error.details[0]!.message, /Dataset/);
  });
});

describe("Batch_ROI_Export on real files", { skip: SKIP_REAL_DATA }, () => {
  let dataset: { id: number };
  let images: ImageInfo[];
  before(async () => {
    dataset = await api<{ id: number }>("POST", "/datasets", { name: "real, files" });
    await importImage(dataPath("mrc/toxo.dv"), dataset.id);
    await importImage(dataPath("neubias-training/xyzc_16bit__spots.tif"), dataset.id);
    images = (await api<{ items: ImageInfo[] }>("GET", `/datasets/${dataset.id}/images`)).items;
  });

  for (const allPlanes of [false, true]) {
    test(`toxo.dv and spots.tif as a Dataset, Export_All_Planes ${allPlanes}: µm, file on the dataset`, async () => {
      assert.deepEqual(images.map((i) => i.name).sort(), ["toxo.dv", "xyzc_16bit__spots.tif"]);
      const inputs = { ...DEFAULTS, Export_All_Planes: allPlanes };
      const result = await runExport({ Data_Type: "Dataset", IDs: [dataset.id], ...inputs });
      await checkCsv(result, images, inputs, "µm");
      assert.ok((await annotationIds("datasets", dataset.id)).includes(result.outputs.File_Annotation!.id));
      assert.match(result.log, /channels 3, 4 skipped \(the image has channels 1 to 2\)/);
    });
  }
});
