/**
 * Acceptance, point 6: DELETE /images/:id of an imported image removes its pixel folder and its
 * original file's bytes; an original shared by two images (two series of one file) stays until the
 * last of them is deleted.
 *
 * No real file in FOVEA_TEST_DATA holds two series (SOURCES.md; every reader opens each as one
 * image), so the shared-original case uses an OME-TIFF that tifffile writes at run time from
 * toxo.dv's real pixels (two series: channel 0 Z0–16 and channel 1 Z0–4). Without Debian's
 * python3-tifffile that case skips.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { assertError, expectStatus, type Json } from "../support/api-client.ts";
import { dataPath, filePart, folderParts, forEachPixelServer, SKIP_REAL_DATA, toxoPlane, type DataDirState, type PixelServer } from "./pixel-harness.ts";
import { TIFFFILE_SKIP_REASON, writeTwoSeriesToxo } from "./tifffile-python.ts";

const isDir = (e: string) => e.endsWith("/");
/** Top-level folders of the pixel store (one per image) and stored files (not fan-out folders). */
const pixelFolders = (s: DataDirState) => s.pixels.filter((e) => /^[^/]+\/$/.test(e));
const storedFiles = (s: DataDirState) => s.files.filter((e) => !isDir(e));
const added = (after: readonly string[], before: readonly string[]) => after.filter((e) => !before.includes(e));

interface Imported {
  readonly images: Json[];
  /** What the import added: pixel folders and stored files (relative to <dataDir>/pixels, /files). */
  readonly folders: string[];
  readonly files: string[];
}

async function importAndTrack(ctx: PixelServer, parts: Parameters<PixelServer["importImages"]>[1]): Promise<Imported> {
  const before = await ctx.state();
  const images = await ctx.importImages(ctx.rootToken, parts);
  const after = await ctx.state();
  return { images, folders: added(pixelFolders(after), pixelFolders(before)), files: added(storedFiles(after), storedFiles(before)) };
}

async function deleteImage(ctx: PixelServer, id: number): Promise<void> {
  const res = await ctx.root.del(`/images/${id}`);
  assert.equal(res.status, 204, `DELETE /images/${id}: ${res.body}`);
}

forEachPixelServer("deleting imported images", true, (ctx) => {
  let work: string;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), "fovea-delete-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const pixelsDir = () => join(ctx.dataDir, "pixels");
  const filesDir = () => join(ctx.dataDir, "files");

  test("DELETE of a DV import removes its pixel folder and its original's bytes, and nothing else", { skip: SKIP_REAL_DATA }, async () => {
    const keep = await importAndTrack(ctx, [await filePart(dataPath("omero-common/tinyTest.d3d.dv"))]);
    const doomed = await importAndTrack(ctx, [await filePart(dataPath("mrc/toxo.dv"))]);
    assert.equal(doomed.images.length, 1);
    assert.equal(doomed.folders.length, 1, "one pixel folder");
    assert.equal(doomed.files.length, 1, "one stored original");
    const [image] = doomed.images;
    const stored = join(filesDir(), doomed.files[0]!);
    assert.deepEqual(await readFile(stored), await readFile(dataPath("mrc/toxo.dv")), "the stored original is the file's bytes");

    const before = await ctx.state();
    await deleteImage(ctx, image.id);
    const after = await ctx.state();
    assert.equal(after.images, before.images - 1);
    assert.equal(existsSync(join(pixelsDir(), doomed.folders[0]!)), false, "the pixel folder is gone");
    assert.equal(existsSync(stored), false, "the original's bytes are gone");
    assert.deepEqual(pixelFolders(after), pixelFolders(before).filter((f) => f !== doomed.folders[0]), "no other pixel folder changed");
    assert.deepEqual(after.pixels.filter((e) => e.startsWith(".")), [], "no scratch (.del-/.tmp-) folder left");
    assert.deepEqual(storedFiles(after), storedFiles(before).filter((f) => f !== doomed.files[0]), "no other stored file changed");
    assert.ok(existsSync(join(pixelsDir(), keep.folders[0]!)) && existsSync(join(filesDir(), keep.files[0]!)), "the other image keeps its pixels and original");

    assertError(await ctx.root.get(`/images/${image.id}`), 404, "NOT_FOUND");
    assertError((await ctx.root.get(`/images/${image.id}/originals`)), 404, "NOT_FOUND");
    const raw = await ctx.pixels(ctx.rootToken, image.id);
    assert.equal(raw.status, 404, raw.body);
    assertError(await ctx.root.del(`/images/${image.id}`), 404, "NOT_FOUND");
    // The image that stays still reads.
    expectStatus(await ctx.root.get(`/images/${keep.images[0].id}/layout`), 200, "layout of the other image");
  });

  test("DELETE of an OME-Zarr folder import removes all 107 stored files and its pixel folder", { skip: SKIP_REAL_DATA }, async () => {
    const zarr = await importAndTrack(ctx, await folderParts(dataPath("derived/toxo.ome.zarr")));
    assert.equal(zarr.files.length, 107);
    assert.equal(zarr.folders.length, 1);
    const before = await ctx.state();
    await deleteImage(ctx, zarr.images[0].id);
    const after = await ctx.state();
    assert.deepEqual(zarr.files.filter((f) => existsSync(join(filesDir(), f))), [], "every stored file of the folder is gone");
    assert.equal(existsSync(join(pixelsDir(), zarr.folders[0]!)), false);
    assert.equal(storedFiles(after).length, storedFiles(before).length - 107);
  });

  test("an original shared by two series stays until the last of its images is deleted", { skip: SKIP_REAL_DATA || TIFFFILE_SKIP_REASON }, async (t) => {
    t.diagnostic("no real file has two series; this file is written by tifffile from toxo.dv's pixels");
    const path = join(work, "toxo-two-series.ome.tif");
    await writeTwoSeriesToxo(dataPath("mrc/toxo.dv"), path);
    const fileBytes = await readFile(path);
    const two = await importAndTrack(ctx, [await filePart(path)]);
    assert.equal(two.images.length, 2, "two series, two images");
    assert.equal(two.folders.length, 2, "one pixel folder per image");
    assert.equal(two.files.length, 1, "the file is stored once");
    const [first, second] = two.images as [Json, Json];
    assert.deepEqual([first.name, first.sizeZ, second.name, second.sizeZ], ["toxo-two-series.ome.tif [525nm]", 17, "toxo-two-series.ome.tif [632nm]", 5]);

    // The pixels are toxo's: series 1 is channel 0, series 2 is channel 1.
    const dv = await readFile(dataPath("mrc/toxo.dv"));
    assert.ok((await ctx.pixels(ctx.rootToken, first.id, { z: 16 })).bytes.equals(toxoPlane(dv, 16, 0)));
    assert.ok((await ctx.pixels(ctx.rootToken, second.id, { z: 4 })).bytes.equals(toxoPlane(dv, 4, 1)));

    const originalsOf = async (id: number) => expectStatus(await ctx.root.get(`/images/${id}/originals`), 200, "originals").json.items as Json[];
    const [a, b] = [await originalsOf(first.id), await originalsOf(second.id)];
    assert.equal(a.length, 1);
    assert.deepEqual(b, a, "both images list the same original");
    assert.equal(a[0].sha256, createHash("sha256").update(fileBytes).digest("hex"));
    const stored = join(filesDir(), two.files[0]!);

    // Which folder is whose: the first delete removes exactly one of the two.
    await deleteImage(ctx, first.id);
    const left = two.folders.filter((f) => existsSync(join(pixelsDir(), f)));
    assert.equal(left.length, 1, "the deleted image's pixel folder is gone, the other's stays");
    assert.ok(existsSync(stored), "the shared original stays while an image uses it");
    assert.deepEqual(await originalsOf(second.id), a);
    const download = await ctx.getBytes(ctx.rootToken, `/images/${second.id}/originals/${a[0].id}`);
    assert.equal(download.status, 200);
    assert.ok(download.bytes.equals(fileBytes), "and still downloads whole");
    expectStatus(await ctx.root.get(`/images/${second.id}/layout`), 200, "the other series still reads");

    await deleteImage(ctx, second.id);
    assert.equal(existsSync(join(pixelsDir(), left[0]!)), false, "the last image's pixel folder is gone");
    assert.equal(existsSync(stored), false, "the original goes with its last image");
  });
});
