import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import type { ImageMetadata, PixelStore } from "@fovea/core";
import { isFoveaError, PIXEL_TYPES, type PixelType, type TypedArray } from "@fovea/model";
import { allocate } from "../common/pixel-types.ts";
import { createZarrPixelStore } from "./zarr-pixel-store.ts";

const SIZE = { sizeX: 600, sizeY: 530, sizeZ: 2, sizeC: 2, sizeT: 2 }; // 600×530 crosses the 512 chunk edge

function metaOf(pixelType: PixelType, over: Partial<ImageMetadata> = {}): ImageMetadata {
  return {
    name: `test-${pixelType}`, ...SIZE, pixelType, physicalSizeX: 0.1, physicalSizeY: 0.1, physicalSizeZ: 0.3, timeIncrement: 2,
    channels: [{ name: "DAPI", color: "0000FF" }, { name: "GFP" }], format: "test", ...over,
  };
}

/** A plane with every value pattern the type can hold: extremes, negatives, NaN and ±Inf for floats. */
function planeOf(type: PixelType, w: number, h: number, z: number, c: number, t: number): TypedArray {
  const a = allocate(type, w * h);
  const k = z * 11 + c * 13 + t * 17;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = y * w + x;
    const n = x * 31 + y * 17 + k;
    switch (type) {
      case "uint8": a[i] = n & 255; break;
      case "int8": a[i] = (n & 255) - 128; break;
      case "uint16": a[i] = (n * 7) & 0xffff; break;
      case "int16": a[i] = ((n * 7) & 0xffff) - 32768; break;
      case "uint32": a[i] = (n * 100_003 + y * 7_919_000) >>> 0; break;
      case "int32": a[i] = (n * 100_003 + y * 7_919_000) | 0; break;
      default: a[i] = Math.sin(x * 0.05 + k) * 1000 - y * 0.5 + (type === "float64" ? 1e-9 * x : 0);
    }
  }
  if (type === "float32" || type === "float64") {
    a[5] = NaN; a[w + 7] = NaN; a[9] = Infinity; a[10] = -Infinity;
  }
  return a;
}

function expectedStats(planes: TypedArray[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const p of planes) for (const v of p) if (Number.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
  return { min, max };
}

function bytes(a: TypedArray): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

async function withStore(fn: (store: PixelStore, root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "fovea-store-"));
  try {
    await fn(createZarrPixelStore(root), root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function writeAll(store: PixelStore, key: string, meta: ImageMetadata) {
  const writer = await store.create(key, meta);
  for (let t = 0; t < meta.sizeT; t++) for (let c = 0; c < meta.sizeC; c++) for (let z = 0; z < meta.sizeZ; z++) {
    await writer.writePlane(z, c, t, { width: meta.sizeX, height: meta.sizeY, data: planeOf(meta.pixelType, meta.sizeX, meta.sizeY, z, c, t) });
  }
  return writer;
}

function rejectsWith(code: string, field?: string) {
  return (err: unknown) => {
    assert.ok(isFoveaError(err), `expected a FoveaError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (field) assert.ok((err.details as { field: string }[]).some((d) => d.field === field), `details name ${field}: ${JSON.stringify(err.details)}`);
    return true;
  };
}

for (const type of PIXEL_TYPES) {
  test(`${type}: planes and regions read back byte-identical at level 0, with per-channel min/max`, async () => {
    await withStore(async (store) => {
      const meta = metaOf(type);
      const layout = await (await writeAll(store, "img-1", meta)).commit();
      assert.deepEqual(layout, { pixelType: type, sizeZ: 2, sizeC: 2, sizeT: 2, levels: [{ sizeX: 600, sizeY: 530 }], tileSize: 512 });
      assert.deepEqual(await store.layout("img-1"), layout);
      const { sizeX: w, sizeY: h } = meta;
      for (let t = 0; t < 2; t++) for (let c = 0; c < 2; c++) for (let z = 0; z < 2; z++) {
        const want = planeOf(type, w, h, z, c, t);
        const full = await store.readRegion("img-1", 0, z, c, t, { x: 0, y: 0, width: w, height: h });
        assert.equal(full.data.constructor, want.constructor);
        assert.ok(bytes(full.data).equals(bytes(want)), `plane z=${z} c=${c} t=${t}`);
        // A region straddling the chunk corner at (512, 512).
        const r = { x: 500, y: 3, width: 97, height: 520 };
        const part = await store.readRegion("img-1", 0, z, c, t, r);
        assert.deepEqual([part.width, part.height], [97, 520]);
        const sub = allocate(type, r.width * r.height);
        for (let y = 0; y < r.height; y++) sub.set(want.subarray((r.y + y) * w + r.x, (r.y + y) * w + r.x + r.width), y * r.width);
        assert.ok(bytes(part.data).equals(bytes(sub)), `region of z=${z} c=${c} t=${t}`);
      }
      const stats = await store.channelStats("img-1");
      for (let c = 0; c < 2; c++) {
        const planes = [];
        for (let t = 0; t < 2; t++) for (let z = 0; z < 2; z++) planes.push(planeOf(type, w, h, z, c, t));
        assert.deepEqual(stats[c], expectedStats(planes), `channel ${c}`);
      }
    });
  });
}

test("float stats skip NaN and infinities and keep negatives; an all-NaN channel reports 0..0", async () => {
  await withStore(async (store) => {
    const meta = metaOf("float32", { sizeX: 4, sizeY: 2, sizeZ: 1, sizeT: 1 });
    const w = await store.create("f", meta);
    await w.writePlane(0, 0, 0, { width: 4, height: 2, data: new Float32Array([NaN, -3.5, Infinity, 2, -Infinity, 0, NaN, 1.25]) });
    await w.writePlane(0, 1, 0, { width: 4, height: 2, data: new Float32Array(8).fill(NaN) });
    await w.commit();
    assert.deepEqual(await store.channelStats("f"), [{ min: -3.5, max: 2 }, { min: 0, max: 0 }]);
    const back = await store.readRegion("f", 0, 0, 0, 0, { x: 0, y: 0, width: 4, height: 2 });
    assert.ok(Number.isNaN(back.data[0]) && back.data[2] === Infinity && back.data[4] === -Infinity);
  });
});

test("the published folder is OME-NGFF 0.5 that zarrita opens, with units, scales and omero channels", async () => {
  await withStore(async (store) => {
    await (await writeAll(store, "ngff", metaOf("uint16"))).commit();
    const root = zarr.root(new FileSystemStore(store.location("ngff")));
    const group = await zarr.open.v3(root, { kind: "group" });
    const ome = group.attrs.ome as {
      version: string;
      multiscales: { axes: { name: string; type: string; unit?: string }[]; datasets: { path: string; coordinateTransformations: { scale: number[] }[] }[] }[];
      omero: { channels: { label: string; color: string; window: { start: number; end: number; min: number; max: number } }[] };
    };
    assert.equal(ome.version, "0.5");
    const ms = ome.multiscales[0]!;
    assert.deepEqual(ms.axes.map((a) => [a.name, a.type, a.unit]), [
      ["t", "time", "second"], ["c", "channel", undefined], ["z", "space", "micrometer"], ["y", "space", "micrometer"], ["x", "space", "micrometer"],
    ]);
    assert.deepEqual(ms.datasets[0], { path: "0", coordinateTransformations: [{ type: "scale", scale: [2, 1, 0.3, 0.1, 0.1] }] });
    assert.deepEqual(ome.omero.channels.map((c) => [c.label, c.color]), [["DAPI", "0000FF"], ["GFP", "FF00FF"]]);
    const stats = await store.channelStats("ngff");
    assert.deepEqual(ome.omero.channels[1]!.window, { min: stats[1]!.min, max: stats[1]!.max, start: stats[1]!.min, end: stats[1]!.max });
    const arr = await zarr.open.v3(root.resolve("0"), { kind: "array" });
    assert.deepEqual([arr.shape, arr.chunks, arr.dtype], [[2, 2, 2, 530, 600], [1, 1, 1, 512, 512], "uint16"]);
  });
});

test("commit writes a PNG thumbnail whose longest side is 96 px", async () => {
  await withStore(async (store) => {
    await (await writeAll(store, "thumb", metaOf("uint8"))).commit();
    const info = await sharp(await store.thumbnail("thumb")).metadata();
    assert.deepEqual([info.format, info.width, info.height], ["png", 96, 85]); // 600×530 → 96×84.8
  });
});

test("a published image holds every chunk of every level", async () => {
  await withStore(async (store, root) => {
    await (await writeAll(store, "full", metaOf("int16"))).commit();
    const files = (await readdir(join(root, "full.ome.zarr", "0", "c"), { recursive: true })).map(String);
    const chunks = files.filter((f) => f.split("/").length === 5); // t/c/z/y/x
    assert.equal(chunks.length, 2 * 2 * 2 * 2 * 2); // T·C·Z · 2 chunk rows · 2 chunk columns
    const top = (await readdir(join(root, "full.ome.zarr"))).sort();
    assert.deepEqual(top, ["0", "fovea.json", "thumbnail.png", "zarr.json"]);
  });
});

test("abort() removes everything written, and may be called twice", async () => {
  await withStore(async (store, root) => {
    const w = await store.create("gone", metaOf("uint8"));
    await w.writePlane(0, 0, 0, { width: 600, height: 530, data: planeOf("uint8", 600, 530, 0, 0, 0) });
    assert.equal((await readdir(root)).length, 1); // the temp folder
    await w.abort();
    await w.abort();
    assert.deepEqual(await readdir(root), []);
    await assert.rejects(store.layout("gone"), rejectsWith("NOT_FOUND"));
    await assert.rejects(w.writePlane(0, 0, 0, { width: 600, height: 530, data: planeOf("uint8", 600, 530, 0, 0, 0) }), rejectsWith("CONFLICT"));
  });
});

test("a failed commit leaves nothing: a missing plane, or an aborted signal", async () => {
  await withStore(async (store, root) => {
    const w = await store.create("partial", metaOf("uint8", { sizeZ: 1, sizeC: 1, sizeT: 2 }));
    await w.writePlane(0, 0, 0, { width: 600, height: 530, data: planeOf("uint8", 600, 530, 0, 0, 0) });
    await assert.rejects(w.commit(), (err: unknown) => rejectsWith("VALIDATION_FAILED")(err) && /z=0 c=0 t=1/.test((err as Error).message));
    assert.deepEqual(await readdir(root), []);
    await w.abort(); // still safe after the failure

    const w2 = await writeAll(store, "cancelled", metaOf("uint8"));
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(w2.commit(ac.signal));
    assert.deepEqual(await readdir(root), []);
  });
});

test("abort() after a successful commit does not unpublish the image", async () => {
  await withStore(async (store) => {
    const w = await writeAll(store, "kept", metaOf("uint8", { sizeZ: 1, sizeC: 1, sizeT: 1 }));
    await w.commit();
    await w.abort();
    assert.equal((await store.layout("kept")).sizeC, 1);
  });
});

test("keys are checked, a key is written once, and delete is idempotent", async () => {
  await withStore(async (store, root) => {
    for (const bad of ["../x", ".tmp-a", "a/b", "", "a b", "x".repeat(129)]) {
      await assert.rejects(store.create(bad, metaOf("uint8")), rejectsWith("VALIDATION_FAILED", "key"), bad);
      assert.throws(() => store.location(bad), rejectsWith("VALIDATION_FAILED", "key"));
    }
    await (await writeAll(store, "once", metaOf("uint8", { sizeZ: 1, sizeC: 1, sizeT: 1 }))).commit();
    await assert.rejects(store.create("once", metaOf("uint8")), rejectsWith("CONFLICT"));
    assert.equal(store.location("once"), join(root, "once.ome.zarr"));
    await store.delete("once");
    await store.delete("once");
    await assert.rejects(store.layout("once"), rejectsWith("NOT_FOUND"));
    await assert.rejects(store.thumbnail("once"), rejectsWith("NOT_FOUND"));
    assert.deepEqual(await readdir(root), []);
  });
});

test("bad planes and out-of-range reads name the offending field", async () => {
  await withStore(async (store) => {
    const meta = metaOf("uint16", { sizeZ: 1, sizeC: 1, sizeT: 1 });
    const w = await store.create("checks", meta);
    await assert.rejects(w.writePlane(0, 0, 0, { width: 600, height: 530, data: new Uint8Array(600 * 530) }), rejectsWith("VALIDATION_FAILED", "plane.data"));
    await assert.rejects(w.writePlane(0, 0, 0, { width: 10, height: 10, data: new Uint16Array(100) }), rejectsWith("VALIDATION_FAILED", "plane"));
    await assert.rejects(w.writePlane(1, 0, 0, { width: 600, height: 530, data: new Uint16Array(600 * 530) }), rejectsWith("VALIDATION_FAILED", "z"));
    await w.writePlane(0, 0, 0, { width: 600, height: 530, data: planeOf("uint16", 600, 530, 0, 0, 0) });
    await w.commit();
    const full = { x: 0, y: 0, width: 600, height: 530 };
    await assert.rejects(store.readRegion("checks", 1, 0, 0, 0, full), rejectsWith("VALIDATION_FAILED", "level"));
    await assert.rejects(store.readRegion("checks", 0, 0, 1, 0, full), rejectsWith("VALIDATION_FAILED", "c"));
    await assert.rejects(store.readRegion("checks", 0, 0, 0, -1, full), rejectsWith("VALIDATION_FAILED", "t"));
    await assert.rejects(store.readRegion("checks", 0, 0, 0, 0, { ...full, x: 1 }), rejectsWith("VALIDATION_FAILED", "region.width"));
    await assert.rejects(store.readRegion("checks", 0, 0, 0, 0, { ...full, y: -1 }), rejectsWith("VALIDATION_FAILED", "region.y"));
    await assert.rejects(store.readRegion("checks", 0, 0, 0, 0, { ...full, height: 0 }), rejectsWith("VALIDATION_FAILED", "region.height"));
    await assert.rejects(store.readRegion("nope", 0, 0, 0, 0, full), rejectsWith("NOT_FOUND"));
  });
});

test("a chunk that vanished from a published image is an error, not silent zeros", async () => {
  await withStore(async (store) => {
    await (await writeAll(store, "damaged", metaOf("uint8", { sizeZ: 1, sizeC: 1, sizeT: 1 }))).commit();
    await rm(join(store.location("damaged"), "0", "c", "0", "0", "0", "1", "1"));
    const corner = { x: 512, y: 512, width: 10, height: 10 };
    await assert.rejects(store.readRegion("damaged", 0, 0, 0, 0, corner), rejectsWith("NOT_FOUND"));
    assert.equal((await store.readRegion("damaged", 0, 0, 0, 0, { ...corner, x: 0 })).data.length, 100); // other chunks still read
  });
});

test("fovea.json records the layout, channel stats and metadata", async () => {
  await withStore(async (store) => {
    await (await writeAll(store, "man", metaOf("uint8", { sizeZ: 1, sizeT: 1 }))).commit();
    const m = JSON.parse(await readFile(join(store.location("man"), "fovea.json"), "utf8"));
    assert.equal(m.format, "fovea-pixels");
    assert.deepEqual(m.layout, await store.layout("man"));
    assert.deepEqual(m.channelStats, await store.channelStats("man"));
    assert.equal(m.image.channels[0].name, "DAPI");
  });
});

test("repeated reads come from the chunk cache and still belong to the caller; readRegionView reads the same", async () => {
  const root = await mkdtemp(join(tmpdir(), "fovea-store-"));
  try {
    const store = createZarrPixelStore(root);
    await (await writeAll(store, "cached", metaOf("uint16", { sizeZ: 1, sizeT: 1 }))).commit();
    const tile = { x: 0, y: 0, width: 512, height: 512 }; // exactly one chunk
    const want = planeOf("uint16", 600, 530, 0, 1, 0);
    const expect = (data: TypedArray, r: { x: number; y: number; width: number; height: number }) => {
      for (let y = 0; y < r.height; y += 37) for (let x = 0; x < r.width; x += 41) {
        assert.equal(data[y * r.width + x], want[(r.y + y) * 600 + r.x + x], `(${x}, ${y})`);
      }
    };
    for (const r of [tile, { x: 100, y: 200, width: 480, height: 330 }]) {
      const first = await store.readRegion("cached", 0, 0, 1, 0, r);
      expect(first.data, r);
      first.data.fill(7); // the caller's own: writing to it must not reach the cache
      expect((await store.readRegion("cached", 0, 0, 1, 0, r)).data, r);
      expect((await store.readRegionView("cached", 0, 0, 1, 0, r)).data, r);
    }
    // Without a cache, the same values.
    const uncached = createZarrPixelStore(root, { chunkCacheBytes: 0 });
    expect((await uncached.readRegion("cached", 0, 0, 1, 0, tile)).data, tile);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("delete() drops the cached chunks: a key written again reads its new pixels", async () => {
  await withStore(async (store) => {
    const meta = metaOf("uint8", { sizeX: 64, sizeY: 64, sizeZ: 1, sizeC: 1, sizeT: 1 });
    const full = { x: 0, y: 0, width: 64, height: 64 };
    for (const value of [11, 22]) {
      const w = await store.create("again", meta);
      await w.writePlane(0, 0, 0, { width: 64, height: 64, data: new Uint8Array(64 * 64).fill(value) });
      await w.commit();
      assert.equal((await store.readRegion("again", 0, 0, 0, 0, full)).data[100], value);
      await store.delete("again");
    }
  });
});

test("arrays in another codec layout (not the store's own zstd chunks) still read, through zarrita", async () => {
  await withStore(async (store) => {
    const meta = metaOf("int16", { sizeZ: 1, sizeC: 1, sizeT: 1 });
    await (await writeAll(store, "raw", meta)).commit();
    // Rewrite level 0 uncompressed, in other chunks, as an older or foreign writer might have.
    await rm(join(store.location("raw"), "0", "c"), { recursive: true });
    const level0 = zarr.root(new FileSystemStore(store.location("raw"))).resolve("0");
    const arr = await zarr.create(level0, {
      shape: [1, 1, 1, 530, 600], chunkShape: [1, 1, 1, 64, 100], dtype: "int16", fillValue: 0, // 54 chunks: a "scan"
      codecs: [{ name: "bytes", configuration: { endian: "little" } }],
    });
    const want = planeOf("int16", 600, 530, 0, 0, 0);
    await zarr.set(arr, [0, 0, 0, null, null], { data: want, shape: [530, 600], stride: [600, 1] } as zarr.Chunk<"int16">);
    const fresh = createZarrPixelStore(join(store.location("raw"), ".."));
    const back = await fresh.readRegion("raw", 0, 0, 0, 0, { x: 0, y: 0, width: 600, height: 530 });
    assert.ok(bytes(back.data).equals(bytes(want)));
    const r = { x: 90, y: 60, width: 20, height: 10 }; // across four of those chunks
    const part = await fresh.readRegion("raw", 0, 0, 0, 0, r);
    for (let y = 0; y < r.height; y++) assert.deepEqual([...part.data.subarray(y * 20, y * 20 + 20)], [...want.subarray((60 + y) * 600 + 90, (60 + y) * 600 + 110)]);
  });
});

test("a truncated chunk is an error, not silent garbage", async () => {
  await withStore(async (store) => {
    await (await writeAll(store, "cut", metaOf("uint16", { sizeZ: 1, sizeC: 1, sizeT: 1 }))).commit();
    const file = join(store.location("cut"), "0", "c", "0", "0", "0", "0", "0");
    const chunkBytes = await readFile(file);
    await writeFile(file, chunkBytes.subarray(0, chunkBytes.length - 100));
    await assert.rejects(store.readRegion("cut", 0, 0, 0, 0, { x: 0, y: 0, width: 512, height: 512 }));
  });
});
