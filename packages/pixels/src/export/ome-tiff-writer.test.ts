import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromFile } from "geotiff";
import type { ImageMetadata, PixelStore } from "@fovea/core";
import { isFoveaError, type PixelType, type TypedArray } from "@fovea/model";
import { allocate } from "../common/pixel-types.ts";
import { createZarrPixelStore } from "../store/zarr-pixel-store.ts";
import { writeOmeTiff, type OmeTiffOptions } from "./ome-tiff-writer.ts";

const PYTHON = "/usr/bin/python3";
const hasTifffile = spawnSync(PYTHON, ["-c", "import tifffile, numpy"]).status === 0;
const NO_TIFFFILE = hasTifffile ? false : `needs ${PYTHON} with tifffile (apt-get install -y python3-tifffile)`;

/** Prints what tifffile makes of the file: series shape, axes, dtype, OME channels and sizes, data hash. */
const READ_BACK = `
import sys, json, hashlib, tifffile
with tifffile.TiffFile(sys.argv[1]) as tf:
    s = tf.series[0]
    a = s.asarray()
    px = tifffile.xml2dict(tf.ome_metadata)["OME"]["Image"]["Pixels"]
    ch = px["Channel"] if isinstance(px["Channel"], list) else [px["Channel"]]
    print(json.dumps({
        "is_ome": tf.is_ome, "is_bigtiff": tf.is_bigtiff, "pages": len(tf.pages),
        "shape": list(a.shape), "axes": s.axes, "dtype": str(a.dtype),
        "channels": [c.get("Name") for c in ch], "colors": [c.get("Color") for c in ch],
        "physical": [px.get("PhysicalSizeX"), px.get("PhysicalSizeXUnit"), px.get("PhysicalSizeY"), px.get("PhysicalSizeZ")],
        "timeIncrement": px.get("TimeIncrement"),
        "sha256": hashlib.sha256(a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()).hexdigest(),
    }))
`;

const DIMS = { sizeX: 530, sizeY: 600, sizeZ: 3, sizeC: 2, sizeT: 2 }; // 600 rows: two 512-row bands

function metaOf(pixelType: PixelType): ImageMetadata {
  return {
    name: `export <${pixelType}> & "quotes"`, ...DIMS, pixelType, physicalSizeX: 0.065, physicalSizeY: 0.065, physicalSizeZ: 0.2, timeIncrement: 1.5,
    channels: [{ name: "DAPI", color: "0000FF", emissionWavelength: 461 }, { name: "µ-GFP" }], format: "test",
  };
}

function planeOf(type: PixelType, z: number, c: number, t: number): TypedArray {
  const a = allocate(type, DIMS.sizeX * DIMS.sizeY);
  for (let i = 0; i < a.length; i++) {
    const v = (i * 2654435761 + z * 97 + c * 7919 + t * 104729) >>> 0; // noisy, so deflate has work
    a[i] = type.startsWith("float") ? (v % 100_000) / 7 - 5000 : type.startsWith("int") ? (v % 60_000) - 30_000 : v % 65_536;
  }
  if (type === "int8") a.forEach((_, i) => { a[i] = (i % 256) - 128; });
  return a;
}

let root: string;
let store: PixelStore;
const TYPES: PixelType[] = ["uint16", "float32", "int8"];

before(async () => {
  root = await mkdtemp(join(tmpdir(), "fovea-ometiff-"));
  store = createZarrPixelStore(root);
  for (const type of TYPES) {
    const meta = metaOf(type);
    const w = await store.create(type, meta);
    for (let t = 0; t < DIMS.sizeT; t++) for (let c = 0; c < DIMS.sizeC; c++) for (let z = 0; z < DIMS.sizeZ; z++) {
      await w.writePlane(z, c, t, { width: DIMS.sizeX, height: DIMS.sizeY, data: planeOf(type, z, c, t) });
    }
    await w.commit();
  }
});
after(() => rm(root, { recursive: true, force: true }));

/** sha256 of every plane in (t, c, z, y, x) order, as tifffile's TCZYX array has them. */
function expectedHash(type: PixelType): string {
  const h = createHash("sha256");
  for (let t = 0; t < DIMS.sizeT; t++) for (let c = 0; c < DIMS.sizeC; c++) for (let z = 0; z < DIMS.sizeZ; z++) {
    const p = planeOf(type, z, c, t);
    h.update(new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  }
  return h.digest("hex");
}

const variants: Array<{ type: PixelType; opts: OmeTiffOptions; label: string }> = [
  { type: "uint16", opts: {}, label: "uint16, deflate" },
  { type: "float32", opts: { compression: "none" }, label: "float32, uncompressed" },
  { type: "int8", opts: { bigTiff: true }, label: "int8, deflate, BigTIFF" },
];

for (const { type, opts, label } of variants) {
  test(`OME-TIFF (${label}) reads back in tifffile: shape, dtype, channels, physical sizes, pixels`, { skip: NO_TIFFFILE }, async () => {
    const file = join(root, `${type}.ome.tif`);
    const { bigTiff } = await writeOmeTiff(store, type, metaOf(type), file, opts);
    assert.equal(bigTiff, opts.bigTiff === true);
    const script = join(root, "read_back.py");
    await writeFile(script, READ_BACK);
    const run = spawnSync(PYTHON, [script, file], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const got = JSON.parse(run.stdout);
    assert.equal(got.is_ome, true);
    assert.equal(got.is_bigtiff, bigTiff);
    assert.equal(got.pages, 12);
    assert.deepEqual(got.shape, [2, 2, 3, 600, 530]);
    assert.equal(got.axes, "TCZYX");
    assert.equal(got.dtype, { uint16: "uint16", float32: "float32", int8: "int8" }[type as string]);
    assert.deepEqual(got.channels, ["DAPI", "µ-GFP"]);
    assert.deepEqual(got.physical, [0.065, "µm", 0.065, 0.2]);
    assert.equal(got.timeIncrement, 1.5);
    assert.equal(got.colors[0], 0x0000ffff); // RGBA as a signed int: blue, opaque
    assert.equal(got.sha256, expectedHash(type));
    await rm(file);
  });
}

test("OME-TIFF reads back in geotiff: every page equals the stored plane, OME-XML in page 0", async () => {
  for (const { type, opts } of variants) {
    const file = join(root, `${type}-geotiff.ome.tif`);
    await writeOmeTiff(store, type, metaOf(type), file, opts);
    const tiff = await fromFile(file);
    assert.equal(await tiff.getImageCount(), 12);
    const first = await tiff.getImage(0);
    const xml = String(await first.fileDirectory.loadValue("ImageDescription"));
    assert.match(xml, /DimensionOrder="XYZCT"/);
    assert.match(xml, /Name="export &lt;\w+&gt; &amp; &quot;quotes&quot;"/);
    for (const [page, [z, c, t]] of [[0, [0, 0, 0]], [4, [1, 1, 0]], [11, [2, 1, 1]]] as const) {
      const img = await tiff.getImage(page);
      assert.deepEqual([img.getWidth(), img.getHeight()], [530, 600]);
      const [raster] = await img.readRasters();
      const want = planeOf(type, z, c, t);
      assert.equal((raster as TypedArray).constructor, want.constructor, `${type} page ${page}`);
      assert.deepEqual(raster, want, `${type} page ${page}`);
    }
    await rm(file);
  }
});

test("deflate makes a smaller file than uncompressed for smooth data, and the target must not exist", async () => {
  const meta: ImageMetadata = { name: "smooth", sizeX: 256, sizeY: 256, sizeZ: 1, sizeC: 1, sizeT: 1, pixelType: "uint16", channels: [], format: "test" };
  const w = await store.create("smooth", meta);
  await w.writePlane(0, 0, 0, { width: 256, height: 256, data: Uint16Array.from({ length: 256 * 256 }, (_, i) => i >> 8) });
  await w.commit();
  const packed = join(root, "packed.tif");
  const plain = join(root, "plain.tif");
  await writeOmeTiff(store, "smooth", meta, packed);
  await writeOmeTiff(store, "smooth", meta, plain, { compression: "none" });
  assert.ok((await stat(packed)).size < (await stat(plain)).size / 4);
  await assert.rejects(writeOmeTiff(store, "smooth", meta, plain), (e: unknown) => isFoveaError(e, "CONFLICT"));
  await assert.rejects(writeOmeTiff(store, "smooth", { ...meta, sizeZ: 2 }, join(root, "x.tif")), (e: unknown) => isFoveaError(e, "VALIDATION_FAILED"));
  assert.deepEqual((await readdir(root)).filter((f) => f.includes(".part-")), []);
});
