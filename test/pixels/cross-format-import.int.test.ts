/**
 * Acceptance, point 1: mrc/toxo.dv and the two files converted from it (derived/toxo.ome.tif and the
 * OME-Zarr folder derived/toxo.ome.zarr, uploaded as one part per file) import through POST /import
 * to the same image: every (z, c) plane read back with GET /images/:id/pixels is bit-identical
 * across the three imports and to the DV file's own pixel block; dimensions, pixel type, physical
 * sizes and channel names agree.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, test } from "node:test";
import { expectStatus, type Json } from "../support/api-client.ts";
import { dataPath, filePart, folderParts, forEachPixelServer, listTree, SKIP_REAL_DATA, toxoPlane } from "./pixel-harness.ts";

const skip = SKIP_REAL_DATA;

/** What each file itself declares (SOURCES.md, and the DV header read below), in µm. */
interface Declared {
  physicalSizeX: number;
  physicalSizeY: number;
  physicalSizeZ: number;
}

function relativeDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

forEachPixelServer("toxo imported from DV, OME-TIFF and OME-Zarr", true, (ctx) => {
  let dv: Buffer;
  let dvDeclared: Declared;
  const images = new Map<string, Json>();

  before(async () => {
    if (skip) return;
    dv = await readFile(dataPath("mrc/toxo.dv"));
    const h = new DataView(dv.buffer, dv.byteOffset, 1024);
    // The layout toxoPlane() relies on: 128×128, 34 sections, no extended header, ZTW order, 2 waves.
    assert.deepEqual(
      [h.getInt32(0, true), h.getInt32(4, true), h.getInt32(8, true), h.getInt32(12, true), h.getInt32(92, true), h.getInt16(182, true), h.getInt16(196, true)],
      [128, 128, 34, 6, 0, 0, 2], "toxo.dv header (nx, ny, sections, mode, next, sequence, waves)",
    );
    dvDeclared = { physicalSizeX: h.getFloat32(40, true), physicalSizeY: h.getFloat32(44, true), physicalSizeZ: h.getFloat32(48, true) };
    const token = ctx.rootToken;
    const [fromDv] = await ctx.importImages(token, [await filePart(dataPath("mrc/toxo.dv"))]);
    const [fromTiff] = await ctx.importImages(token, [await filePart(dataPath("derived/toxo.ome.tif"))]);
    const zarrParts = await folderParts(dataPath("derived/toxo.ome.zarr"));
    assert.equal(zarrParts.length, 107, "SOURCES.md: the OME-Zarr folder holds 107 files");
    const [fromZarr] = await ctx.importImages(token, zarrParts);
    // Read the records back rather than trusting the import response alone.
    for (const [format, img] of [["DeltaVision", fromDv], ["OME-TIFF", fromTiff], ["OME-Zarr", fromZarr]] as const) {
      images.set(format, expectStatus(await ctx.root.get(`/images/${img.id}`), 200, `GET image ${img.id}`).json);
    }
  });

  test("each import made one image named after its file, in its format, with one stored original per file", { skip }, async () => {
    assert.deepEqual([...images.values()].map((i) => [i.name, i.format]), [
      ["toxo.dv", "DeltaVision"], ["toxo.ome.tif", "OME-TIFF"], ["toxo.ome.zarr", "OME-Zarr"],
    ]);
    const originals = await Promise.all([...images.values()].map(async (i) => expectStatus(await ctx.root.get(`/images/${i.id}/originals`), 200, "originals").json.items as Json[]));
    assert.deepEqual(originals.map((o) => o.length), [1, 1, 107]);
    assert.equal(originals[0]![0].name, "toxo.dv");
    assert.equal(originals[0]![0].size, dv.length);
    assert.ok(originals[2]!.every((o: Json) => String(o.name).startsWith("toxo.ome.zarr/")), "folder files keep their relative names");
    assert.equal((await listTree(`${ctx.dataDir}/pixels`)).filter((e) => /^[^/]+\/$/.test(e)).length, 3, "one pixel folder per image");
  });

  test("dimensions and pixel type agree: 128×128, Z17, C2, T1, uint16", { skip }, () => {
    for (const [format, img] of images) {
      assert.deepEqual([img.sizeX, img.sizeY, img.sizeZ, img.sizeC, img.sizeT, img.pixelType], [128, 128, 17, 2, 1, "uint16"], format);
    }
  });

  test("physical sizes: each as its file declares (1e-4 relative), and the same across formats", { skip }, () => {
    // The derived files were written with four significant digits (0.1326 µm) while the DV header
    // holds the float32 0.13262: 1.5e-4 apart, so across formats the bound is 2e-4.
    const declared: Record<string, Declared> = {
      DeltaVision: dvDeclared,
      "OME-TIFF": { physicalSizeX: 0.1326, physicalSizeY: 0.1326, physicalSizeZ: 0.3 },
      "OME-Zarr": { physicalSizeX: 0.1326, physicalSizeY: 0.1326, physicalSizeZ: 0.3 },
    };
    const reference = images.get("DeltaVision")!;
    for (const [format, img] of images) {
      assert.equal(img.physicalSizeUnit, "µm", format);
      for (const k of ["physicalSizeX", "physicalSizeY", "physicalSizeZ"] as const) {
        assert.equal(typeof img[k], "number", `${format} ${k} is recorded`);
        assert.ok(relativeDiff(img[k], declared[format]![k]) <= 1e-4, `${format} ${k}: ${img[k]}, the file says ${declared[format]![k]}`);
        assert.ok(relativeDiff(img[k], reference[k]) <= 2e-4, `${format} ${k}: ${img[k]} vs DeltaVision ${reference[k]}`);
      }
    }
  });

  test("channel names agree: 525nm and 632nm in all three", { skip }, () => {
    for (const [format, img] of images) {
      assert.deepEqual(img.channels.map((c: Json) => c.name), ["525nm", "632nm"], format);
    }
  });

  test("every (z, c) plane is bit-identical across the three imports and to the DV file's pixel block", { skip }, async () => {
    let compared = 0;
    for (let c = 0; c < 2; c++) {
      for (let z = 0; z < 17; z++) {
        const reference = toxoPlane(dv, z, c);
        for (const [format, img] of images) {
          const raw = await ctx.pixels(ctx.rootToken, img.id, { z, c });
          assert.equal(raw.status, 200, `${format} z=${z} c=${c}: ${raw.body.slice(0, 200)}`);
          assert.equal(raw.dtype, "uint16");
          assert.deepEqual(raw.shape, [128, 128]);
          assert.ok(raw.bytes.equals(reference), `${format} plane z=${z} c=${c} differs from toxo.dv`);
        }
        compared++;
      }
    }
    assert.equal(compared, 34);
  });

  test("the stored per-channel min/max agree (they come from the same pixels)", { skip }, () => {
    const minMax = (img: Json) => img.channels.map((c: Json) => [c.min, c.max]);
    const reference = minMax(images.get("DeltaVision")!);
    for (const [format, img] of images) assert.deepEqual(minMax(img), reference, format);
  });
});
