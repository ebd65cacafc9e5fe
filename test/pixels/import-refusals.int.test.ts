/**
 * Acceptance, point 3: POST /import refuses, before it reads the upload, a dataset the user may not
 * add images to (403 LINK_FORBIDDEN: another member's dataset in a read-annotate group), a dataset
 * that does not exist or that the user cannot see (404), and a malformed form: an unknown field, no
 * file, a field after the files, a bad id (400). Every refusal leaves the data directory as it was.
 *
 * The file sent is a small valid TIFF written here (the positive controls import it), so a refusal
 * can only come from the form or the dataset, never from the file; these tests need no real data.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import sharp from "sharp";
import { ApiClient, assertError, expectStatus, type ApiResponse, type Json } from "../support/api-client.ts";
import { multipartBody } from "../support/multipart.ts";
import { forEachPixelServer, listTree, type DataDirState, type UploadPart } from "./pixel-harness.ts";

/** A 32×24 8-bit grey TIFF with a gradient: small, valid, readable by every TIFF reader. */
async function smallTiff(): Promise<Buffer> {
  const pixels = Uint8Array.from({ length: 32 * 24 }, (_, i) => (i * 7) & 0xff);
  return sharp(pixels, { raw: { width: 32, height: 24, channels: 1 } }).toColourspace("b-w").tiff({ compression: "none" }).toBuffer();
}

/** Bytes no reader accepts: if one of these reached a reader the answer would be 422, not 403/404. */
const GARBAGE: UploadPart = { name: "garbage.tif", data: Buffer.from("this is not a TIFF at all, just text") };

forEachPixelServer("import refusals", false, (ctx) => {
  let tiff: UploadPart;
  let lab: number;
  let elsewhere: number;
  let alice: { id: number; token: string };
  let bob: { id: number; token: string };
  let carol: { id: number; token: string };
  let alicesDataset: Json;
  let bobsDataset: Json;

  before(async () => {
    tiff = { name: "gradient.tif", data: await smallTiff() };
    lab = await ctx.newGroup("lab", "read-annotate");
    elsewhere = await ctx.newGroup("elsewhere", "read-write");
    alice = await ctx.newUser("alice", [lab]);
    bob = await ctx.newUser("bob", [lab]);
    carol = await ctx.newUser("carol", [elsewhere]);
    alicesDataset = await ctx.newDataset(alice.token, "alice's cells");
    bobsDataset = await ctx.newDataset(bob.token, "bob's cells");
    assert.equal(alicesDataset.groupId, lab);
  });

  /** Sends the request and checks that the answer is `status code` and nothing changed on disk or in the rows. */
  async function expectRefused(send: () => Promise<ApiResponse>, status: number, code: string, fields: readonly string[] = []): Promise<Json> {
    const before: DataDirState = await ctx.state({ settle: true });
    const children = await Promise.all([alicesDataset, bobsDataset].map(async (d) => (await ctx.root.get(`/datasets/${d.id}/images`)).json.total as number));
    const res = await send();
    const error = assertError(res, status, code, fields);
    const after = await ctx.state();
    assert.equal(after.images, before.images, "no image row");
    assert.deepEqual(after.pixels, before.pixels, "nothing new in <dataDir>/pixels");
    assert.deepEqual(after.files, before.files, "nothing new in <dataDir>/files");
    assert.deepEqual(after.tmp, [], "nothing in <dataDir>/tmp");
    const childrenAfter = await Promise.all([alicesDataset, bobsDataset].map(async (d) => (await ctx.root.get(`/datasets/${d.id}/images`)).json.total as number));
    assert.deepEqual(childrenAfter, children, "no dataset link");
    return error;
  }

  test("another member's dataset in a read-annotate group → 403 LINK_FORBIDDEN", async () => {
    // Bob can see Alice's dataset (read-annotate) but not add to it.
    expectStatus(await ctx.as(bob.token).get(`/datasets/${alicesDataset.id}`), 200, "bob reads alice's dataset");
    const error = await expectRefused(() => ctx.upload(bob.token, [tiff], [["datasetId", String(alicesDataset.id)]]), 403, "LINK_FORBIDDEN");
    assert.match(error.message, new RegExp(`Dataset ${alicesDataset.id}`));
  });

  test("LINK_FORBIDDEN comes before the upload is read: a file no reader accepts still gets 403, not 422", async () => {
    await expectRefused(() => ctx.upload(bob.token, [GARBAGE], [["datasetId", String(alicesDataset.id)]]), 403, "LINK_FORBIDDEN");
  });

  test("a dataset of the user's group but the wrong groupId → 403 LINK_FORBIDDEN", async () => {
    await expectRefused(() => ctx.upload(alice.token, [GARBAGE], [["datasetId", String(alicesDataset.id)], ["groupId", String(elsewhere)]]), 403, "LINK_FORBIDDEN");
  });

  test("a dataset that does not exist → 404 NOT_FOUND (before the upload is read)", async () => {
    await expectRefused(() => ctx.upload(alice.token, [GARBAGE], [["datasetId", "987654"]]), 404, "NOT_FOUND");
  });

  test("a dataset in a group the user is not in → 404 NOT_FOUND (it does not exist for them)", async () => {
    await expectRefused(() => ctx.upload(carol.token, [tiff], [["datasetId", String(alicesDataset.id)]]), 404, "NOT_FOUND");
  });

  test("an unknown text field → 400 VALIDATION_FAILED naming it", async () => {
    await expectRefused(() => ctx.upload(alice.token, [tiff], [["colour", "red"]]), 400, "VALIDATION_FAILED", ["colour"]);
  });

  test("a file sent under a field other than `file` → 400 VALIDATION_FAILED naming the field", async () => {
    // The route takes `datasetId`, `groupId`, `name` and `file` parts; a file part named
    // `upload` is an unknown field like any other.
    await expectRefused(() => ctx.upload(alice.token, [{ ...tiff, field: "upload" }]), 400, "VALIDATION_FAILED", ["upload"]);
  });

  test("import without a file → 400 VALIDATION_FAILED naming `file` (fields only, an empty form, or no multipart at all)", async () => {
    await expectRefused(() => ctx.upload(alice.token, [], [["datasetId", String(alicesDataset.id)], ["name", "nothing"]]), 400, "VALIDATION_FAILED", ["file"]);
    await expectRefused(() => ctx.upload(alice.token, []), 400, "VALIDATION_FAILED", ["file"]);
    await expectRefused(() => ctx.as(alice.token).post("/import", { file: "toxo.dv" }), 400, "VALIDATION_FAILED");
  });

  test("a field after the file → 400 VALIDATION_FAILED naming it (fields must come first)", async () => {
    await expectRefused(async () => {
      // multipartBody() writes fields first, so build this order by hand.
      const boundary = "----fovea-late-field";
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gradient.tif"\r\nContent-Type: image/tiff\r\n\r\n`),
        tiff.data,
        Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="datasetId"\r\n\r\n${alicesDataset.id}\r\n--${boundary}--\r\n`),
      ]);
      return ctx.as(alice.token).request("POST", "/import", { raw: body, contentType: `multipart/form-data; boundary=${boundary}` });
    }, 400, "VALIDATION_FAILED", ["datasetId"]);
  });

  test("datasetId / groupId that are not positive integers → 400 VALIDATION_FAILED naming the field", async () => {
    for (const bad of ["abc", "0", "-3", "1.5", ""]) {
      await expectRefused(() => ctx.upload(alice.token, [tiff], [["datasetId", bad]]), 400, "VALIDATION_FAILED", ["datasetId"]);
    }
    await expectRefused(() => ctx.upload(alice.token, [tiff], [["groupId", "x"]]), 400, "VALIDATION_FAILED", ["groupId"]);
  });

  test("datasetId in a non-canonical spelling of a real id (0x…, ' 7', +7, 7.0, 7e0) → 400, as ids in paths and queries are", async () => {
    // validator.ts refuses `0x10` or ` 7 ` as an id in a path or query ("a string is never silently
    // a number"); a form field naming the dataset to write into deserves the same rule.
    const id = alicesDataset.id as number;
    for (const bad of [`0x${id.toString(16)}`, ` ${id}`, `+${id}`, `${id}.0`, `${id}e0`]) {
      await expectRefused(() => ctx.upload(alice.token, [tiff], [["datasetId", bad]]), 400, "VALIDATION_FAILED", ["datasetId"]);
    }
  });

  test("two unrelated files in one upload (not one folder) → refused with a message naming them, not the server's temp folder", async () => {
    const before = await ctx.state({ settle: true });
    const res = await ctx.upload(alice.token, [{ ...tiff, name: "first.tif" }, { ...tiff, name: "second.tif" }]);
    assert.ok(res.status === 400 || res.status === 422, `expected 400 or 422, got ${res.status} ${res.body}`);
    const error = assertError(res, res.status, res.json?.error?.code);
    assert.doesNotMatch(error.message, /upload-[A-Za-z0-9]{6}/, `the message shows the server's temporary folder name: ${error.message}`);
    assert.match(error.message, /first\.tif|second\.tif/, `the message names the uploaded files: ${error.message}`);
    assert.deepEqual(await ctx.state(), { ...before, tmp: [] });
  });

  test("without credentials → 401 UNAUTHENTICATED, and nothing is read", async () => {
    const { body, contentType } = multipartBody([], [{ field: "file", filename: tiff.name, contentType: "image/tiff", data: tiff.data }]);
    await expectRefused(() => new ApiClient(ctx.server.app, { kind: "none" }).request("POST", "/import", { raw: body, contentType }), 401, "UNAUTHENTICATED");
  });

  test("positive controls: the owner imports into her dataset, a member into his own; each lands in its dataset and group", async () => {
    // Fresh datasets, so that this control does not depend on what the refusals above left (or not).
    const hers = await ctx.newDataset(alice.token, "alice's control");
    const his = await ctx.newDataset(bob.token, "bob's control");
    const pixelFolders = async () => (await listTree(`${ctx.dataDir}/pixels`)).filter((e) => /^[^/]+\/$/.test(e)).length;
    const foldersBefore = await pixelFolders();
    const [mine] = await ctx.importImages(alice.token, [tiff], [["datasetId", String(hers.id)], ["name", "gradient"]]);
    assert.deepEqual([mine.name, mine.groupId, mine.ownerId, mine.sizeX, mine.sizeY, mine.pixelType], ["gradient", lab, alice.id, 32, 24, "uint8"]);
    const [bobs] = await ctx.importImages(bob.token, [tiff], [["datasetId", String(his.id)]]);
    assert.deepEqual([bobs.name, bobs.groupId, bobs.ownerId], ["gradient.tif", lab, bob.id]);
    for (const [dataset, image] of [[hers, mine], [his, bobs]] as const) {
      const listed = expectStatus(await ctx.as(alice.token).get(`/datasets/${dataset.id}/images`), 200, "dataset images").json;
      assert.deepEqual(listed.items.map((i: Json) => i.id), [image.id]);
    }
    const raw = await ctx.pixels(alice.token, mine.id);
    assert.equal(raw.status, 200);
    assert.deepEqual([...raw.bytes.subarray(0, 4)], [0, 7, 14, 21], "the pixels are the ones sent");
    assert.equal(await pixelFolders(), foldersBefore + 2);
  });
});
