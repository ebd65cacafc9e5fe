/**
 * fovea_sdk's data access through real Python processes against a real server: objects and their
 * children and parents, ROIs, plane regions and tiles, shape statistics and path samples (equal to
 * what the TypeScript SDK gets for the same shapes), and images created from numpy arrays, nested
 * lists and array.array, read back bit-exact through GET /images/:id/pixels. The fixture script
 * (sdk-fixtures/SDK_Data.py) runs three ways:
 * - as a server job with the server's python3 (pyenv, numpy 2);
 * - as a server job with numpy made unimportable inside the script (the standard-library path);
 * - through the same runner with Debian's /usr/bin/python3 (numpy 1.x), as `fovea script run` does.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createNodeRunner } from "@fovea/runner";
import { createContext, type ScriptContext } from "@fovea/sdk";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { siRnaHelaImages } from "../../packages/pixels/src/demo/index.ts";
import { readerOf, UINT16_IMAGE } from "../measure/measure-fixtures.ts";

type Json = any;
const FIXTURE = join(import.meta.dirname, "sdk-fixtures", "SDK_Data.py");
const DEBIAN_PYTHON = "/usr/bin/python3";
const debianNumpy = ((): string | false => {
  if (!existsSync(DEBIAN_PYTHON)) return `${DEBIAN_PYTHON} not found`;
  try {
    execFileSync(DEBIAN_PYTHON, ["-c", "import numpy"], { stdio: "ignore" });
    return false;
  } catch {
    return `${DEBIAN_PYTHON} has no numpy (apt-get install python3-numpy, as .ci/run does)`;
  }
})();

let server: RunningServer;
let dir: string;
let token: string;
let ts: ScriptContext;
let scriptId: number;
const world: Json = {};

async function api<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined && !(body instanceof FormData) && { "content-type": "application/json" }) },
    body: body instanceof FormData ? body : body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T;
}

async function pixels(imageId: number, z: number, c: number, t: number): Promise<{ dtype: string; shape: number[]; bytes: Buffer }> {
  const res = await fetch(`${server.url}/api/v1/images/${imageId}/pixels?z=${z}&c=${c}&t=${t}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return { dtype: res.headers.get("x-fovea-dtype")!, shape: res.headers.get("x-fovea-shape")!.split(",").map(Number), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The JSON file the fixture attached, parsed here from its bytes. */
async function attachedJson(annotationId: number): Promise<Json> {
  const res = await fetch(`${server.url}/api/v1/annotations/${annotationId}/file`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  return JSON.parse(await res.text());
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "fovea-sdk-data-"));
  server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "sdk-data-pw", logLevel: "silent", workers: 2 }));
  token = ((await (await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "sdk-data-pw" }),
  })).json()) as { token: string }).token;
  ts = createContext({ jobId: 0, serverUrl: server.url, token, signal: new AbortController().signal, write: () => {} });
  const actor = (await server.services.auth.authenticate(token)).actor;
  const [hela] = await server.services.imports.importReaders(actor, siRnaHelaImages({ count: 1, sizeX: 48, sizeY: 40, sizeZ: 3 }).readers);
  const [gen, other] = await server.services.imports.importReaders(actor, [readerOf(UINT16_IMAGE, "gen"), readerOf(UINT16_IMAGE, "other")]);
  const project = await api("POST", "/projects", { name: "sdk-project" });
  const elsewhere = await api("POST", "/projects", { name: "another-project" });
  const d1 = await api("POST", "/datasets", { name: "d1" });
  const d2 = await api("POST", "/datasets", { name: "d2" });
  const out = await api("POST", "/datasets", { name: "new images" });
  for (const [p, d] of [[project, d1], [project, d2], [elsewhere, d1]]) await api("POST", `/projects/${p.id}/datasets`, { datasetId: d.id });
  for (const [d, i] of [[d1, hela], [d1, gen], [d2, gen], [d2, other]]) await api("POST", `/datasets/${d.id}/images`, { imageId: i!.id });
  await api("POST", `/images/${hela!.id}/rois`, { name: "areas", shapes: [
    { kind: "Rectangle", x: 4, y: 5, width: 17, height: 9 },
    { kind: "Ellipse", x: 30.5, y: 20, radiusX: 8, radiusY: 5.5, c: 1 },
    { kind: "Polygon", points: [[2, 30], [20, 22.5], [25, 38]], z: 1 },
  ] });
  await api("POST", `/images/${hela!.id}/rois`, { name: "paths", shapes: [
    { kind: "Line", x1: 1.5, y1: 2.5, x2: 40.25, y2: 33 },
    { kind: "Polyline", points: [[3, 35], [20.5, 8.25], [44, 17]], z: 1, t: 0 },
    { kind: "Point", x: 10.5, y: 12.5, c: 2 },
  ] });
  Object.assign(world, { hela, gen, other, project, elsewhere, d1, d2, out });
  const form = new FormData();
  form.append("official", "true");
  form.append("file", new Blob([readFileSync(FIXTURE, "utf8")]), "SDK_Data.py");
  scriptId = (await api("POST", "/scripts", form)).id;
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function inputs(noNumpy: boolean): Record<string, unknown> {
  return { Data_Type: "Project", IDs: [world.project.id], Target: { type: "Image", id: world.hela.id }, Output: { type: "Dataset", id: world.out.id }, No_Numpy: noNumpy };
}

/** Launches the fixture as a job and returns its outputs and the JSON it attached. */
async function runAsJob(noNumpy: boolean): Promise<{ outputs: Json; result: Json; stdout: string }> {
  const job = await api("POST", `/scripts/${scriptId}/launch`, { inputs: inputs(noNumpy) });
  let state: Json;
  for (;;) {
    state = await api("GET", `/jobs/${job.id}`);
    if (!["queued", "running"].includes(state.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const stderr = await api<string>("GET", `/jobs/${job.id}/logs/stderr`);
  assert.equal(state.status, "succeeded", `${state.error}\n${stderr}`);
  return { outputs: state.outputs, result: await attachedJson(state.outputs.File_Annotation.id), stdout: await api<string>("GET", `/jobs/${job.id}/logs/stdout`) };
}

/** Runs the fixture through the runner with another interpreter, as `fovea script run` does. */
async function runWithInterpreter(python: string): Promise<{ outputs: Json; result: Json; stdout: string }> {
  const runner = createNodeRunner({ workRoot: join(dir, "local-runs"), python: { python } });
  const runnable = await runner.prepare("python", readFileSync(FIXTURE, "utf8"), "SDK_Data.py");
  let stdout = "";
  let stderr = "";
  const end = await runner.run({
    language: "python", runnable, inputs: inputs(false) as Json, jobId: 0, serverUrl: server.url, token,
    timeoutMs: 120_000, memoryMb: 1024, signal: new AbortController().signal,
  }, { progress: () => {}, log: (stream, text) => (stream === "stdout" ? (stdout += text) : (stderr += text)) });
  assert.equal(end.status, "succeeded", `${end.status === "succeeded" ? "" : end.error}\n${stderr}`);
  const outputs = (end as Json).outputs;
  return { outputs, result: await attachedJson(outputs.File_Annotation.id), stdout };
}

/** RFC rounding of the TypeScript SDK, written out here: nearest, halves away from zero, clamped, NaN → 0. */
function int16Of(v: number): number {
  if (Number.isNaN(v)) return 0;
  return Math.min(32767, Math.max(-32768, Math.sign(v) * Math.floor(Math.abs(v) + 0.5))) + 0;
}

async function checkRun(run: { outputs: Json; result: Json; stdout: string }, expectNumpy: RegExp | null): Promise<void> {
  const { outputs, result: r } = run;
  const { hela, gen, other, project, d1, d2, elsewhere, out } = world;
  if (expectNumpy) assert.match(r.numpy, expectNumpy);
  else assert.equal(r.numpy, null);
  assert.equal(r.plane_type, expectNumpy ? "ndarray" : "array");
  assert.equal(r.samples.type, expectNumpy ? "ndarray" : "list");

  // Objects: the tree, images of projects/datasets (unknown ids skipped with a log line), parents.
  assert.deepEqual(r.tree, { [project.id]: { [d1.id]: [hela.id, gen.id], [d2.id]: [gen.id, other.id] } });
  assert.deepEqual(r.of_projects, [hela.id, gen.id, other.id]);
  assert.deepEqual(r.of_datasets, [hela.id, gen.id]);
  assert.match(run.stdout, /^Project 987654 not found, skipped$/m);
  assert.match(run.stdout, /^Project 987655 not found, skipped$/m);
  assert.match(run.stdout, /^Dataset 987654 not found, skipped$/m);
  assert.deepEqual(r.parents_of_image, [d1.id]);
  assert.deepEqual(r.parents_of_dataset.sort(), [project.id, elsewhere.id].sort());
  assert.equal(r.find_missing, null);
  assert.deepEqual(r.image, await api("GET", `/images/${hela.id}`));
  assert.ok([d1.id, d2.id].every((id) => r.datasets_listed.includes(id)));

  // ROIs exactly as the API lists them; the path shapes among them.
  const rois = (await api("GET", `/images/${hela.id}/rois`)).items as Json[];
  assert.deepEqual(r.rois, rois);
  assert.deepEqual(r.path_shape_ids, rois.flatMap((roi) => roi.shapes).filter((s: Json) => ["Line", "Polyline"].includes(s.kind)).map((s: Json) => s.id));

  // A region and a tile: the matching values of the whole plane.
  const plane = await pixels(hela.id, 1, 2, 0);
  const full = new Uint16Array(plane.bytes.buffer, plane.bytes.byteOffset, plane.bytes.byteLength / 2);
  const slice = (x: number, y: number, w: number, hgt: number, data: Uint16Array) =>
    Array.from({ length: hgt }, (_, j) => Array.from(data.subarray((y + j) * hela.sizeX + x, (y + j) * hela.sizeX + x + w))).flat();
  assert.equal(r.region.dtype, expectNumpy ? "uint16" : "H");
  assert.deepEqual(r.region.shape, expectNumpy ? [11, 20] : [220]);
  assert.deepEqual(r.region.values, slice(5, 7, 20, 11, full));
  const plane0 = await pixels(hela.id, 0, 0, 0);
  assert.deepEqual(r.tile, slice(0, 0, 8, 4, new Uint16Array(plane0.bytes.buffer, plane0.bytes.byteOffset, plane0.bytes.byteLength / 2)));

  // Shape statistics and path samples: what the TypeScript SDK gets for the same shapes.
  const shapes = rois.flatMap((roi) => roi.shapes);
  const inline = { kind: "Polygon", points: [[3, 3], [30.5, 6], [12, 25.5]] };
  assert.deepEqual(r.stats_all, await ts.pixels.shapeStats(hela.id, [...shapes, inline as Json], { channels: [0, 2], z: "all" }));
  // 2 channels × (5 shapes on every one of the 3 planes + the polygon and the polyline on their own z).
  assert.equal(r.stats_all.length, 2 * (5 * hela.sizeZ + 2));
  assert.deepEqual(r.stats_own, await ts.pixels.shapeStats(hela.id, shapes.map((s: Json) => s.id), { z: [1], t: [0], shapeChannelOnly: true }));
  const polyline = shapes.find((s: Json) => s.kind === "Polyline");
  const band = await ts.pixels.pathSamples(hela.id, polyline.points, { width: 3, c: 1, t: [0], z: 1 });
  assert.deepEqual([r.samples.width, r.samples.length, r.samples.path_length, r.samples.t], [3, band.length, band.pathLength, [0]]);
  assert.deepEqual(r.samples.data.flat(2), Array.from(band.data));
  assert.equal(r.samples.at, band.at(0, 2, 3));

  // New images, read back bit-exact, with their metadata.
  const made = r.created;
  assert.deepEqual(outputs.Image, { type: "Image", id: made.uint16 });
  const big = await api("GET", `/images/${made.uint16}`);
  assert.deepEqual([big.sizeX, big.sizeY, big.sizeZ, big.sizeC, big.sizeT, big.pixelType], [13, 9, 2, 3, 2, "uint16"]);
  assert.deepEqual(big.channels.map((c: Json) => c.name), ["DAPI", "GFP", "mCherry"]);
  assert.deepEqual([big.channels[0].color, big.channels[2].color], ["0000FF", "FF0000"]);
  assert.deepEqual([big.physicalSizeX, big.physicalSizeY, big.physicalSizeZ], [0.25, 0.25, 0.5]);
  assert.deepEqual((await api("GET", `/images/${made.uint16}/datasets`)).items.map((d: Json) => d.id), [out.id]);
  for (let t = 0; t < 2; t++) for (let c = 0; c < 3; c++) for (let z = 0; z < 2; z++) {
    const got = await pixels(made.uint16, z, c, t);
    const want = Uint16Array.from({ length: 9 * 13 }, (_, i) => ((i % 13) * 257 + Math.floor(i / 13) * 31 + z * 1000 + c * 7000 + t * 20000) % 65536);
    assert.deepEqual(got.bytes, Buffer.from(want.buffer), `uint16 plane z=${z} c=${c} t=${t}`);
  }
  const f32 = await pixels(made.float32, 0, 0, 0);
  assert.deepEqual([f32.dtype, ...f32.shape], ["float32", 5, 7]);
  assert.deepEqual(f32.bytes, Buffer.from(Float32Array.from({ length: 35 }, (_, i) => ((i % 7) - 3.3) * (Math.floor(i / 7) + 0.7) / 3).buffer));
  const rounded = [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 40000, -40000, NaN, Infinity, -Infinity, 0.49999, 12.5, -12.5, 32767.4, 32767.6, -32768.6, 7, 8.2, -9.7, 100.5, -100.5, 0, 3];
  const i16 = await pixels(made.int16, 0, 0, 0);
  assert.deepEqual([i16.dtype, ...i16.shape], ["int16", 4, 6]);
  assert.deepEqual(Array.from(new Int16Array(i16.bytes.buffer, i16.bytes.byteOffset, 24)), rounded.map(int16Of));
  const streamed = await api("GET", `/images/${made.streamed}`);
  assert.deepEqual([streamed.sizeT, streamed.pixelType, streamed.channels[0].name, streamed.channels[0].color], [2, "uint8", "A", "00FF00"]);
  for (let t = 0; t < 2; t++) assert.deepEqual([...(await pixels(made.streamed, 0, 0, t)).bytes], Array.from({ length: 12 }, (_, i) => t * 100 + i));

  // Failures: an aborted upload is gone; bad planes are refused before anything is uploaded.
  assert.equal(r.failures.commit_after_abort, "NOT_FOUND");
  assert.equal(r.failures.wrong_size, `a plane must be 2 × 2 (height × width) values, not ${expectNumpy ? "of shape (1, 2)" : "1 rows of 2"}`);
  assert.equal(r.failures.missing_plane, "plane (z=0, c=0, t=1) is missing");
  const names = (await api("GET", "/images?limit=1000")).items.map((i: Json) => i.name);
  assert.ok(!names.some((n: string) => ["py-aborted", "py-wrong_size", "py-missing_plane"].includes(n)));
  assert.deepEqual(readdirSync(join(dir, "tmp")).filter((n) => n.startsWith("image-upload-")), []);
}

describe("fovea_sdk data access from real Python processes", () => {
  test("with the server's python3 and numpy 2, as a job", async () => {
    await checkRun(await runAsJob(false), /^2\./);
  });

  test("without numpy (array.array and lists), as a job", async () => {
    await checkRun(await runAsJob(true), null);
  });

  test("with Debian's /usr/bin/python3 and numpy 1.x, through the runner", { skip: debianNumpy }, async () => {
    const run = await runWithInterpreter(DEBIAN_PYTHON);
    assert.deepEqual(run.result.python.slice(0, 1), [3]);
    await checkRun(run, /^1\./);
  });
});
