/**
 * toxo.dv and the two files derived from it (SOURCES.md: derived/toxo.ome.tif, written by
 * tifffile, and derived/toxo.ome.zarr, Blosc-compressed NGFF 0.4) must give bit-identical planes
 * for every (z, c), and the same dimensions, type and (to rounding) physical sizes.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ImageReader, OpenedFile } from "@fovea/core";
import { createFileOpener } from "../file-opener.ts";
import { dataFile, SKIP_REAL_DATA } from "./test-data.ts";

const FILES = ["mrc/toxo.dv", "derived/toxo.ome.tif", "derived/toxo.ome.zarr"];

function bytesOf(r: { data: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number } }): Buffer {
  return Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
}

describe("toxo in three formats", { skip: SKIP_REAL_DATA }, () => {
  it("gives bit-identical planes for every (z, c) from DV, OME-TIFF and OME-Zarr", async () => {
    const opener = createFileOpener();
    const opened: OpenedFile[] = [];
    try {
      for (const f of FILES) opened.push(await opener.open(dataFile(f)));
      const [dv, tif, zarr] = opened.map((o) => o.images[0]!) as [ImageReader, ImageReader, ImageReader];
      for (const other of [tif, zarr]) {
        const a = dv.metadata;
        const b = other.metadata;
        assert.deepEqual([b.sizeX, b.sizeY, b.sizeZ, b.sizeC, b.sizeT, b.pixelType], [a.sizeX, a.sizeY, a.sizeZ, a.sizeC, a.sizeT, a.pixelType]);
        assert.deepEqual(b.channels.map((c) => c.name), a.channels.map((c) => c.name));
        for (const k of ["physicalSizeX", "physicalSizeY", "physicalSizeZ"] as const) {
          assert.ok(Math.abs(b[k]! - a[k]!) < 1e-3 * a[k]!, `${b.format} ${k}: ${b[k]} vs ${a[k]}`);
        }
      }
      let compared = 0;
      for (let c = 0; c < dv.metadata.sizeC; c++) {
        for (let z = 0; z < dv.metadata.sizeZ; z++) {
          const reference = bytesOf(await dv.readPlane(z, c, 0));
          assert.ok(reference.equals(bytesOf(await tif.readPlane(z, c, 0))), `OME-TIFF plane z=${z} c=${c} differs`);
          assert.ok(reference.equals(bytesOf(await zarr.readPlane(z, c, 0))), `OME-Zarr plane z=${z} c=${c} differs`);
          compared++;
        }
      }
      assert.equal(compared, 34);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
    }
  });
});
