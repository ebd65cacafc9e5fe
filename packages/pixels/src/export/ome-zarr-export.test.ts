import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
import type { ImageMetadata } from "@fovea/core";
import { isFoveaError } from "@fovea/model";
import { createZarrPixelStore } from "../store/zarr-pixel-store.ts";
import { exportOmeZarr } from "./ome-zarr-export.ts";

test("exports a standalone OME-Zarr copy (no Fovea files) that zarrita reads; refuses to overwrite", async () => {
  const root = await mkdtemp(join(tmpdir(), "fovea-zarr-export-"));
  try {
    const store = createZarrPixelStore(join(root, "store"));
    const meta: ImageMetadata = { name: "z", sizeX: 70, sizeY: 50, sizeZ: 2, sizeC: 1, sizeT: 1, pixelType: "int16", channels: [{ name: "only" }], format: "test" };
    const w = await store.create("z", meta);
    for (let z = 0; z < 2; z++) await w.writePlane(z, 0, 0, { width: 70, height: 50, data: Int16Array.from({ length: 3500 }, (_, i) => i - 1000 * z) });
    await w.commit();

    const target = join(root, "out", "z.ome.zarr");
    await mkdir(join(root, "out"));
    await exportOmeZarr(store, "z", target);
    assert.deepEqual((await readdir(target)).sort(), ["0", "zarr.json"]);
    assert.deepEqual(await readdir(join(root, "out")), ["z.ome.zarr"]); // no temp folder left
    const zroot = zarr.root(new FileSystemStore(target));
    const group = await zarr.open.v3(zroot, { kind: "group" });
    assert.equal((group.attrs.ome as { version: string }).version, "0.5");
    const arr = await zarr.open.v3(zroot.resolve("0"), { kind: "array" });
    const plane = await zarr.get(arr, [0, 0, 1, null, null]);
    assert.deepEqual(plane.shape, [50, 70]);
    assert.equal((plane.data as Int16Array)[3499], 3499 - 1000);

    await assert.rejects(exportOmeZarr(store, "z", target), (e: unknown) => isFoveaError(e, "CONFLICT"));
    await assert.rejects(exportOmeZarr(store, "missing", join(root, "m.ome.zarr")), (e: unknown) => isFoveaError(e, "NOT_FOUND"));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
