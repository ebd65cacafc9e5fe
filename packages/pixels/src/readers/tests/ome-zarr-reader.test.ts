/**
 * OME-Zarr import on synthetic stores: NGFF 0.5 (Zarr v3, written with zarrita, axes c, x, y in
 * that unusual order), NGFF 0.4 (Zarr v2, hand-written, axes t, z, y, x), layouts we refuse, and a
 * corrupt chunk.
 */
import assert from "node:assert/strict";
import { mkdir, readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { deflateSync } from "node:zlib";
import FileSystemStore from "@zarrita/storage/fs";
import * as zarr from "zarrita";
import { createFileOpener } from "../file-opener.ts";
import { expectReaderError, withTempDir } from "./test-data.ts";

const opener = createFileOpener();

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, JSON.stringify(value));
}

/** A Zarr v2 array of float32 t,z,y,x = 2,3,4,5 with value t*1000 + z*100 + y*10 + x. */
async function writeV2(dir: string, attrs: unknown, compressor: unknown = null, chunk?: (key: string, raw: Buffer) => Buffer): Promise<void> {
  await writeJson(join(dir, ".zgroup"), { zarr_format: 2 });
  await writeJson(join(dir, ".zattrs"), attrs);
  await writeJson(join(dir, "0", ".zarray"), {
    zarr_format: 2, shape: [2, 3, 4, 5], chunks: [1, 1, 4, 5], dtype: "<f4", compressor, fill_value: 0, filters: null, order: "C", dimension_separator: "/",
  });
  for (let t = 0; t < 2; t++) for (let z = 0; z < 3; z++) {
    const raw = Buffer.from(Float32Array.from({ length: 20 }, (_, i) => t * 1000 + z * 100 + Math.floor(i / 5) * 10 + (i % 5)).buffer);
    const key = `${t}/${z}/0/0`;
    await mkdir(join(dir, "0", `${t}/${z}/0`), { recursive: true });
    await writeFile(join(dir, "0", key), chunk ? chunk(key, raw) : raw);
  }
}

const V04 = {
  multiscales: [{
    version: "0.4", name: "tzyx",
    axes: [{ name: "t", type: "time", unit: "millisecond" }, { name: "z", type: "space", unit: "micrometer" },
      { name: "y", type: "space", unit: "micrometer" }, { name: "x", type: "space", unit: "micrometer" }],
    datasets: [{ path: "0", coordinateTransformations: [{ type: "scale", scale: [2500, 0.5, 0.2, 0.1] }] }],
    coordinateTransformations: [{ type: "scale", scale: [1, 2, 1, 1] }],
  }],
};

describe("OME-Zarr reader", () => {
  it("reads NGFF 0.5 (Zarr v3) with axes c, x, y, units and the omero block", async () => {
    await withTempDir(async (root) => {
      const dir = join(root, "cxy.ome.zarr");
      const store = new FileSystemStore(dir);
      await zarr.create(zarr.root(store), {
        attributes: {
          ome: {
            version: "0.5",
            multiscales: [{
              axes: [{ name: "c", type: "channel" }, { name: "x", type: "space", unit: "nanometer" }, { name: "y", type: "space", unit: "nanometer" }],
              datasets: [{ path: "0", coordinateTransformations: [{ type: "scale", scale: [1, 250, 500] }] }],
            }],
            omero: { channels: [{ label: "DAPI", color: "0000ff", window: { start: 10, end: 200, min: 0, max: 255 } }, { label: "GFP" }] },
          },
        },
      });
      const arr = await zarr.create(zarr.root(store).resolve("0"), { shape: [2, 5, 3], chunkShape: [1, 2, 2], dtype: "int16" });
      const data = Int16Array.from({ length: 30 }, (_, i) => {
        const [c, x, y] = [Math.floor(i / 15), Math.floor(i / 3) % 5, i % 3];
        return -(c * 100 + y * 10 + x);
      });
      await zarr.set(arr, null, { data, shape: [2, 5, 3], stride: [15, 3, 1] });

      const file = await opener.open(dir);
      const image = file.images[0]!;
      const m = image.metadata;
      assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT, m.pixelType, m.format, m.name], [5, 3, 1, 2, 1, "int16", "OME-Zarr", "cxy.ome.zarr"]);
      assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.physicalSizeZ], [0.25, 0.5, undefined]);
      assert.deepEqual(m.channels, [{ name: "DAPI", color: "0000FF", window: { start: 10, end: 200 } }, { name: "GFP", color: undefined, window: undefined }]);
      const plane = await image.readPlane(0, 1, 0);
      assert.deepEqual(Array.from(plane.data), Array.from({ length: 15 }, (_, i) => -(100 + Math.floor(i / 5) * 10 + (i % 5))));
      await file.close();
    });
  });

  it("reads NGFF 0.4 (Zarr v2, '/' separator) with axes t, z, y, x and multiscale-wide scale", async () => {
    await withTempDir(async (root) => {
      const dir = join(root, "tzyx.zarr");
      await writeV2(dir, V04, { id: "zlib", level: 1 }, (_, raw) => deflateSync(raw));
      const file = await opener.open(dir);
      const image = file.images[0]!;
      const m = image.metadata;
      assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT, m.pixelType], [5, 4, 3, 1, 2, "float32"]);
      assert.deepEqual([m.physicalSizeX, m.physicalSizeY, m.physicalSizeZ, m.timeIncrement], [0.1, 0.2, 1, 2.5]);
      assert.deepEqual(m.channels, [{ name: "Ch1" }]);
      const plane = await image.readPlane(2, 0, 1);
      assert.deepEqual(Array.from(plane.data), Array.from({ length: 20 }, (_, i) => 1200 + Math.floor(i / 5) * 10 + (i % 5)));
      await file.close();
    });
  });

  it("fails with FILE_UNREADABLE naming the folder when a chunk is corrupt", async () => {
    await withTempDir(async (root) => {
      const dir = join(root, "broken.zarr");
      await writeV2(dir, V04, { id: "zlib", level: 1 }, (key, raw) => (key === "1/2/0/0" ? Buffer.from("not zlib data") : deflateSync(raw)));
      const file = await opener.open(dir);
      assert.ok((await file.images[0]!.readPlane(0, 0, 0)).data.length === 20);
      await assert.rejects(file.images[0]!.readPlane(2, 0, 1), (err) => !!expectReaderError(err, "broken.zarr", ["FILE_UNREADABLE"]));
      await file.close();
    });
  });

  it("detects truncated Blosc and uncompressed chunks, which the decoders would accept", async () => {
    await withTempDir(async (root) => {
      const codecs = {
        blosc: [{ name: "bytes", configuration: { endian: "little" } }, { name: "blosc", configuration: { cname: "lz4", clevel: 5, shuffle: "shuffle", typesize: 2, blocksize: 0 } }],
        raw: [{ name: "bytes", configuration: { endian: "little" } }],
      };
      for (const [kind, list] of Object.entries(codecs)) {
        const dir = join(root, `${kind}.ome.zarr`);
        const store = new FileSystemStore(dir);
        await zarr.create(zarr.root(store), { attributes: { ome: { version: "0.5", multiscales: [{ axes: [{ name: "y" }, { name: "x" }], datasets: [{ path: "0" }] }] } } });
        const arr = await zarr.create(zarr.root(store).resolve("0"), { shape: [40, 40], chunkShape: [40, 40], dtype: "uint16", codecs: list });
        await zarr.set(arr, null, { data: Uint16Array.from({ length: 1600 }, (_, i) => (i * 7919) % 65536), shape: [40, 40], stride: [40, 1] });
        const chunk = join(dir, "0/c/0/0");
        await truncate(chunk, (await readFile(chunk)).length - 7);
        const file = await opener.open(dir);
        await assert.rejects(file.images[0]!.readPlane(0, 0, 0), (err) => !!expectReaderError(err, `${kind}.ome.zarr`, ["FILE_UNREADABLE"]));
        await file.close();
      }
    });
  });

  it("refuses plates, bioformats2raw containers, unknown axes and folders that are not OME-Zarr", async () => {
    await withTempDir(async (root) => {
      const plate = join(root, "plate.zarr");
      await writeJson(join(plate, ".zgroup"), { zarr_format: 2 });
      await writeJson(join(plate, ".zattrs"), { plate: { rows: [], columns: [] } });
      expectReaderError(await opener.open(plate).catch((e: unknown) => e), "plate.zarr", ["UNSUPPORTED_FORMAT"]);

      const b2r = join(root, "b2r.zarr");
      await writeJson(join(b2r, ".zattrs"), { "bioformats2raw.layout": 3 });
      expectReaderError(await opener.open(b2r).catch((e: unknown) => e), "b2r.zarr", ["UNSUPPORTED_FORMAT"]);

      const odd = join(root, "odd.zarr");
      await writeV2(odd, { multiscales: [{ ...V04.multiscales[0], axes: [{ name: "t" }, { name: "angle" }, { name: "y" }, { name: "x" }] }] });
      const err = expectReaderError(await opener.open(odd).catch((e: unknown) => e), "odd.zarr", ["UNSUPPORTED_FORMAT"]);
      assert.match(err.message, /angle/);

      const plain = join(root, "photos");
      await mkdir(plain);
      expectReaderError(await opener.open(plain).catch((e: unknown) => e), "photos", ["UNSUPPORTED_FORMAT"]);
    });
  });
});
