/**
 * The client and SDK helpers over a real listening server: ctx.pixels.pathSamples and shapeStats,
 * and ctx.images.create writing a kymograph-like image whose planes come back exactly; a failing
 * fill leaves no image and no upload behind.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { FoveaClient } from "@fovea/client";
import { toPixelType } from "@fovea/model";
import { createContext, type ScriptContext } from "@fovea/sdk";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { FLOAT_IMAGE, planeOf, readerOf } from "./measure-fixtures.ts";

let server: RunningServer;
let dataDir: string;
let ctx: ScriptContext;
let imageId: number;
const stop = new AbortController();

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "fovea-sdk-measure-"));
  server = await startServer(loadConfig({}, { dataDir, adminPassword: "root-pass-123", logLevel: "silent", port: 0 }));
  const client = new FoveaClient({ baseUrl: server.url });
  await client.login({ username: "root", password: "root-pass-123" });
  const root = await server.repos.users.findByUsername("root");
  const { actor } = (await server.services.auth.openSession(root!, root!.defaultGroupId, "token")).auth;
  const [image] = await server.services.imports.importReaders(actor, [readerOf(FLOAT_IMAGE, "source")]);
  imageId = image!.id;
  ctx = createContext({ jobId: 0, serverUrl: server.url, token: client.token!, signal: stop.signal, write: () => {} });
});

after(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("a kymograph built with ctx.pixels.pathSamples and ctx.images.create round-trips", async () => {
  const points: [number, number][] = [[2.5, 3.5], [25.25, 18], [10, 20]];
  const W = 3;
  const band = await ctx.pixels.pathSamples(imageId, points, { width: W, c: 1, t: [0, 1, 2] });
  assert.equal(band.length, Math.floor(Math.hypot(22.75, 14.5) + Math.hypot(15.25, 2)) + 1);
  // The same samples over JSON (a different encoding of the same computation).
  const json = await (await fetch(`${server.url}/api/v1/images/${imageId}/path-samples`, {
    method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${ctx.client.token}` },
    body: JSON.stringify({ points, width: W, c: 1, t: [0, 1, 2] }),
  })).json() as { samples: number[][][] };
  for (let i = 0; i < 3; i++) for (let k = 0; k < W; k++) for (let s = 0; s < band.length; s++) assert.equal(band.at(i, k, s), json.samples[i]![k]![s]);

  const rows = 3 * W;
  const values = new Int16Array(band.length * rows);
  for (let i = 0; i < 3; i++) for (let k = 0; k < W; k++) for (let s = 0; s < band.length; s++) {
    values[(i * W + k) * band.length + s] = toPixelType(band.at(i, k, s), "int16");
  }
  const image = await ctx.images.create({
    name: "source_kymograph", sizeX: band.length, sizeY: rows, sizeZ: 1, sizeC: 1, sizeT: 1, pixelType: "int16",
    physicalSizeY: 1 / W, physicalSizeYUnit: "s", channels: [{ name: "Ch2" }],
  }, async (write) => write(0, 0, 0, Array.from(band.data, (v) => v)));
  const back = await ctx.client.pixels.readPlane(image.id);
  assert.deepEqual(new Int16Array(back.bytes), values);

  const [stats] = await ctx.pixels.shapeStats(image.id, [{ kind: "Rectangle", x: 0, y: 0, width: band.length, height: rows }]);
  assert.equal(stats!.count, values.length);
  assert.equal(stats!.sum, values.reduce((a, b) => a + b, 0));
  assert.equal(stats!.min, Math.min(...values));
});

test("shapeStats takes stored shapes (DTOs or ids) and inline ones", async () => {
  const roi = await ctx.client.rois.create(imageId, { shapes: [{ kind: "Point", x: 4.5, y: 6.5, c: 1 }] });
  const rows = await ctx.pixels.shapeStats(imageId, [roi.shapes[0]!, roi.shapes[0]!.id, { kind: "Point", x: 4.5, y: 6.5 }], { t: [1], shapeChannelOnly: true });
  const expected = planeOf(FLOAT_IMAGE, 0, 1, 1)[6 * FLOAT_IMAGE.sizeX + 4];
  assert.deepEqual(rows.map((r) => [r.index, r.c, r.count, r.sum]), [[0, 1, 1, expected], [1, 1, 1, expected], [2, 0, 1, planeOf(FLOAT_IMAGE, 0, 0, 1)[6 * FLOAT_IMAGE.sizeX + 4]], [2, 1, 1, expected]]);
});

test("a failing fill leaves neither an image nor an upload", async () => {
  const before = (await ctx.client.images.list()).total;
  await assert.rejects(ctx.images.create({
    name: "broken", sizeX: 2, sizeY: 2, sizeZ: 1, sizeC: 1, sizeT: 2, pixelType: "uint8", channels: [{ name: "a" }],
  }, async (write) => {
    await write(0, 0, 0, [1, 2, 3, 4]);
    throw new Error("the script failed");
  }), /the script failed/);
  await assert.rejects(ctx.images.create({
    name: "short", sizeX: 2, sizeY: 2, sizeZ: 1, sizeC: 1, sizeT: 2, pixelType: "uint8", channels: [{ name: "a" }],
  }, async (write) => write(0, 0, 0, [1, 2, 3, 4])), (err: { code?: string }) => err.code === "CONFLICT");
  assert.equal((await ctx.client.images.list()).total, before);
  assert.deepEqual((await readdir(join(dataDir, "tmp")).catch(() => [])).filter((n) => n.startsWith("image-upload-")), []);
});
