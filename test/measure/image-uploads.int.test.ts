/**
 * Image uploads: planes streamed one by one come back bit-exactly through GET /images/:id/pixels;
 * wrong lengths, indices, missing planes, foreign datasets and other users' uploads are refused;
 * nothing is left in the data directory's tmp/ after commit or abort.
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { before, test } from "node:test";
import { assertError, expectStatus, type ApiClient, type Json } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";

const SHELL = {
  name: "kymo", description: "from Image 1, ROI 2, shape 3", sizeX: 9, sizeY: 5, sizeZ: 1, sizeC: 2, sizeT: 2, pixelType: "int16",
  physicalSizeX: 0.25, physicalSizeY: 0.5, physicalSizeYUnit: "s", timeIncrement: 2,
  channels: [{ name: "GFP", color: "00ff00" }, { name: "DAPI" }],
};

function planeBytes(c: number, t: number): Buffer {
  const a = new Int16Array(9 * 5).map((_, i) => (i * 977 + c * 331 - t * 4001) % 32768 - 16000);
  return Buffer.from(a.buffer);
}

function putPlane(as: ApiClient, id: string, z: number, c: number, t: number, body: Buffer) {
  return as.request("PUT", `/image-uploads/${id}/planes/${z}/${c}/${t}`, { raw: body, contentType: "application/octet-stream" });
}

forEachDialect("image uploads", (ctx) => {
  let alice: string;
  let bob: string;
  let dataset: Json;
  let bobDataset: Json;
  const tmpUploads = async () => (await readdir(join(ctx.dataDir, "tmp")).catch(() => [] as string[])).filter((n) => n.startsWith("image-upload-"));

  before(async () => {
    const g1 = await ctx.newGroup("up-a", "private");
    const g2 = await ctx.newGroup("up-b", "private");
    const a = await ctx.newUser("up-alice", { groups: [g1.id] });
    const b = await ctx.newUser("up-bob", { groups: [g2.id] });
    alice = await ctx.login(a.username, a.password);
    bob = await ctx.login(b.username, b.password);
    dataset = await ctx.newDataset(alice, "kymographs");
    bobDataset = await ctx.newDataset(bob, "bob's");
  });

  test("planes round-trip bit-exactly; metadata, dataset, description and Y-in-seconds calibration are kept", async () => {
    const as = ctx.as(alice);
    const up = expectStatus(await as.post("/image-uploads", { ...SHELL, datasetId: dataset.id }), 201, "create").json;
    assert.deepEqual([up.planes, up.planeBytes], [4, 90]);
    for (const t of [0, 1]) for (const c of [0, 1]) expectStatus(await putPlane(as, up.uploadId, 0, c, t, planeBytes(c, t)), 204, "put");
    const image = expectStatus(await as.post(`/image-uploads/${up.uploadId}/commit`), 201, "commit").json;
    assert.equal(image.type, "Image");
    assert.deepEqual([image.name, image.description, image.sizeX, image.sizeY, image.sizeC, image.sizeT, image.pixelType],
      ["kymo", SHELL.description, 9, 5, 2, 2, "int16"]);
    assert.deepEqual([image.physicalSizeX, image.physicalSizeY, image.timeIncrement], [0.25, null, 2]);
    assert.deepEqual(image.channels.map((c: Json) => [c.name, c.color]), [["GFP", "00FF00"], ["DAPI", image.channels[1].color]]);
    for (const t of [0, 1]) for (const c of [0, 1]) {
      const res = await ctx.server.app.inject({ url: `/api/v1/images/${image.id}/pixels?c=${c}&t=${t}`, headers: { authorization: `Bearer ${alice}` } });
      assert.equal(res.headers["x-fovea-dtype"], "int16");
      assert.ok(Buffer.from(res.rawPayload).equals(planeBytes(c, t)), `plane c${c} t${t}`);
    }
    const inDataset = expectStatus(await as.get(`/datasets/${dataset.id}/images`), 200, "list").json;
    assert.ok(inDataset.items.some((i: Json) => i.id === image.id));
    const anns = expectStatus(await as.get(`/images/${image.id}/annotations`), 200, "annotations").json.items;
    const cal = anns.find((a: Json) => a.namespace === "fovea.calibration");
    assert.deepEqual(cal?.values, [["physicalSizeY", "0.5"], ["physicalSizeYUnit", "s"]]);
    assert.deepEqual(await tmpUploads(), []);
    assertError(await as.post(`/image-uploads/${up.uploadId}/commit`), 404, "NOT_FOUND");
  });

  test("wrong lengths, indices and content types are refused with 400 naming the field", async () => {
    const as = ctx.as(alice);
    const up = expectStatus(await as.post("/image-uploads", SHELL), 201, "create").json;
    assertError(await putPlane(as, up.uploadId, 0, 0, 0, Buffer.alloc(89)), 400, "VALIDATION_FAILED", ["body"]);
    assertError(await putPlane(as, up.uploadId, 0, 0, 0, Buffer.alloc(91)), 400, "VALIDATION_FAILED", ["body"]);
    assertError(await putPlane(as, up.uploadId, 1, 0, 0, Buffer.alloc(90)), 400, "VALIDATION_FAILED", ["params.z"]);
    assertError(await putPlane(as, up.uploadId, 0, 2, 0, Buffer.alloc(90)), 400, "VALIDATION_FAILED", ["params.c"]);
    assertError(await putPlane(as, up.uploadId, 0, 0, 2, Buffer.alloc(90)), 400, "VALIDATION_FAILED", ["params.t"]);
    const json = await as.put(`/image-uploads/${up.uploadId}/planes/0/0/0`, { not: "bytes" });
    assert.equal(json.status >= 400 && json.status < 500, true, json.body);
    assertError(await as.post("/image-uploads", { ...SHELL, channels: [{ name: "one" }] }), 400, "VALIDATION_FAILED", ["body.channels"]);
    assertError(await as.post("/image-uploads", { ...SHELL, sizeX: 0 }), 400, "VALIDATION_FAILED", ["body.sizeX"]);
    assertError(await as.post("/image-uploads", { ...SHELL, physicalSizeY: undefined }), 400, "VALIDATION_FAILED", ["body.physicalSizeY"]);
    assertError(await as.post("/image-uploads", { ...SHELL, sizeX: 4096, sizeY: 4096 }), 413, "PAYLOAD_TOO_LARGE");
    expectStatus(await as.del(`/image-uploads/${up.uploadId}`), 204, "abort");
    assert.deepEqual(await tmpUploads(), []);
  });

  test("commit refuses missing planes (409) and keeps the upload so they can still be sent", async () => {
    const as = ctx.as(alice);
    const up = expectStatus(await as.post("/image-uploads", SHELL), 201, "create").json;
    expectStatus(await putPlane(as, up.uploadId, 0, 0, 0, planeBytes(0, 0)), 204, "put");
    const err = assertError(await as.post(`/image-uploads/${up.uploadId}/commit`), 409, "CONFLICT");
    assert.match(err.message, /3 of 4 planes/);
    for (const [c, t] of [[1, 0], [0, 1], [1, 1]] as const) expectStatus(await putPlane(as, up.uploadId, 0, c, t, planeBytes(c, t)), 204, "put");
    expectStatus(await as.post(`/image-uploads/${up.uploadId}/commit`), 201, "commit");
  });

  test("foreign datasets and other users' uploads are refused", async () => {
    assertError(await ctx.as(alice).post("/image-uploads", { ...SHELL, datasetId: bobDataset.id }), 404, "NOT_FOUND");
    const up = expectStatus(await ctx.as(alice).post("/image-uploads", SHELL), 201, "create").json;
    assertError(await putPlane(ctx.as(bob), up.uploadId, 0, 0, 0, planeBytes(0, 0)), 404, "NOT_FOUND");
    assertError(await ctx.as(bob).post(`/image-uploads/${up.uploadId}/commit`), 404, "NOT_FOUND");
    assertError(await ctx.as(bob).del(`/image-uploads/${up.uploadId}`), 404, "NOT_FOUND");
    expectStatus(await ctx.as(alice).del(`/image-uploads/${up.uploadId}`), 204, "abort");
  });
});
