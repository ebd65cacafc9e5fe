/**
 * Damaged input never hangs, never leaks a raw library error, and never imports wrong pixels:
 * every real file truncated at several offsets, a damaged OME-Zarr, and seeded random mutations
 * of TIFF and DeltaVision structures either fail with FILE_UNREADABLE / UNSUPPORTED_FORMAT naming
 * the file (at open or at a plane read), or read exactly the original planes (the cut removed only
 * bytes nothing refers to, as in the aicsimageio file's unused tail).
 */
import assert from "node:assert/strict";
import { cp, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import type { OpenedFile } from "@fovea/core";
import { isFoveaError } from "@fovea/model";
import { createFileOpener } from "../file-opener.ts";
import { dataFile, digest, expectReaderError, SKIP_REAL_DATA, withTempDir } from "./test-data.ts";
import { writeDv } from "./tiny-dv.ts";
import { writeTiff } from "./tiny-tiff.ts";

const opener = createFileOpener();

const REAL_FILES = [
  "mrc/toxo.dv", "omero-common/tinyTest.d3d.dv", "deltavision-scripts/gpsf_3D_1514_a3_001_WF.dv_otf",
  "scikit-tracker/CZT_peaks.ome.tif", "scikit-tracker/TC_BF_cells.ome.tif", "scikit-tracker/TZ_nucleus.ome.tif",
  "aicsimageio/s_1_t_1_c_1_z_1.ome.tiff", "neubias-training/xyzc_16bit__spots.tif", "neubias-training/xyc_16bit__hela-cells.tif",
  "neubias-training/xy_rgb__cells.tif", "neubias-training/xy_float__h2b_bg_corr.tif",
  "neubias-training/xyt_calibrated_16bit__golgi_bfa_sum_projection.tif", "neubias-training/xy_16bit__motors_on_microtubules.tif",
  "neubias-training/xy_16bit__scanR_datatype_issue.tif", "neubias-training/xy_calibrated_16bit__nuclear_protein_control.tif",
  "neubias-training/xyc_8bit__tub_h2b_cecog_battery.tif", "neubias-training/xyz__multiple_images.czi",
  "bioimage-analysis-notebooks/cancer_cell_migration_crop.tif", "bioimage-analysis-notebooks/IXMtest_A02_s9.tif",
  "pims/stuck.tif", "stardist/img2d.tif", "derived/toxo.ome.tif", "derived/bulk_water_t100_crop192.ome.tif",
];

type Outcome = { error: unknown } | { digests: string[] };

/** Opens the file and reads every plane of every image, returning the digests or the error. */
async function openAndReadAll(path: string): Promise<Outcome> {
  let file: OpenedFile | undefined;
  try {
    file = await opener.open(path);
    const digests: string[] = [];
    for (const image of file.images) {
      const { sizeZ, sizeC, sizeT } = image.metadata;
      for (let t = 0; t < sizeT; t++) for (let c = 0; c < sizeC; c++) for (let z = 0; z < sizeZ; z++) {
        digests.push(digest(await image.readPlane(z, c, t)).sha256);
      }
    }
    return { digests };
  } catch (error) {
    return { error };
  } finally {
    await file?.close();
  }
}

/** Asserts the outcome is a proper reader error, or exactly the original pixels. */
function assertSafe(outcome: Outcome, reference: Outcome, name: string, what: string): boolean {
  if ("error" in outcome) {
    expectReaderError(outcome.error, name);
    return true;
  }
  assert.ok("digests" in reference, `${what}: opened, but the intact file does not`);
  assert.deepEqual(outcome.digests, reference.digests, `${what}: opened but gave different pixels`);
  return false;
}

function cuts(size: number): number[] {
  const at = [1, 7, 8, 100, 1023, 1100, Math.floor(size / 3), Math.floor(size / 2), size - 100, size - 1];
  return [...new Set(at)].filter((n) => n > 0 && n < size).sort((a, b) => a - b);
}

describe("truncated copies of every real file", { skip: SKIP_REAL_DATA }, () => {
  for (const rel of REAL_FILES) {
    it(rel, { timeout: 120_000 }, async () => {
      const name = basename(rel);
      const original = await readFile(dataFile(rel));
      const reference = await openAndReadAll(dataFile(rel));
      await withTempDir(async (dir) => {
        const path = join(dir, name);
        let failures = 0;
        for (const cut of cuts(original.length)) {
          await writeFile(path, original.subarray(0, cut));
          if (assertSafe(await openAndReadAll(path), reference, name, `cut at ${cut}`)) failures++;
        }
        assert.ok(failures > 0, "no truncation was detected at all");
      });
    });
  }

  it("derived/toxo.ome.zarr with a truncated chunk, a missing array and broken JSON", async () => {
    await withTempDir(async (dir) => {
      const zarrDir = join(dir, "toxo.ome.zarr");
      await cp(dataFile("derived/toxo.ome.zarr"), zarrDir, { recursive: true });
      const chunk = join(zarrDir, "0/0/1/5/0/0");
      await truncate(chunk, Math.floor((await readFile(chunk)).length / 2));
      const file = await opener.open(zarrDir);
      try {
        await file.images[0]!.readPlane(4, 1, 0);
        await assert.rejects(file.images[0]!.readPlane(5, 1, 0), (err) => !!expectReaderError(err, "toxo.ome.zarr", ["FILE_UNREADABLE"]));
      } finally {
        await file.close();
      }
      await rm(join(zarrDir, "0/.zarray"));
      expectReaderError((await openAndReadAll(zarrDir) as { error: unknown }).error, "toxo.ome.zarr", ["FILE_UNREADABLE"]);
      await writeFile(join(zarrDir, ".zattrs"), "{ not json");
      expectReaderError((await openAndReadAll(zarrDir) as { error: unknown }).error, "toxo.ome.zarr", ["FILE_UNREADABLE"]);
    });
  });
});

/** xorshift32: deterministic mutations, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

async function fuzz(name: string, original: Uint8Array, region: number, rounds: number, seed: number): Promise<number> {
  const next = random(seed);
  return withTempDir(async (dir) => {
    const path = join(dir, name);
    await writeFile(path, original);
    const reference = await openAndReadAll(path);
    assert.ok("digests" in reference, "the unmutated file must open");
    let failures = 0;
    for (let round = 0; round < rounds; round++) {
      const bytes = original.slice();
      const flips = 1 + Math.floor(next() * 4);
      for (let k = 0; k < flips; k++) bytes[Math.floor(next() * Math.min(region, bytes.length))] = Math.floor(next() * 256);
      await writeFile(path, bytes);
      const outcome = await openAndReadAll(path);
      // A flip inside pixel data legitimately changes pixels; only the kind of failure matters.
      if ("error" in outcome) {
        assert.ok(isFoveaError(outcome.error), `round ${round}: raw ${String(outcome.error)}`);
        assert.match(outcome.error.message, new RegExp(name.replace(/\./g, "\\.")), `round ${round}`);
        failures++;
      }
    }
    return failures;
  });
}

describe("seeded random damage to file structures", () => {
  it("TIFF (big-endian, several pages and strips) fails cleanly or reads", { timeout: 120_000 }, async () => {
    const pages = Array.from({ length: 3 }, (_, p) => ({
      width: 9, height: 7, bits: 16 as const, rowsPerStrip: 2, data: Uint16Array.from({ length: 63 }, (_, i) => p * 100 + i),
      description: p === 0 ? "ImageJ=1.53c\nimages=3\nslices=3\n" : undefined,
    })).map(({ description, ...rest }) => (description ? { ...rest, description } : rest));
    const bytes = writeTiff(pages, { littleEndian: false });
    const failures = await fuzz("fuzz.tif", bytes, bytes.length, 300, 12345);
    assert.ok(failures > 30, `only ${failures} of 300 mutations failed`);
  });

  it("DeltaVision header fails cleanly or reads", { timeout: 60_000 }, async () => {
    const bytes = writeDv({ nx: 8, ny: 8, sections: 6, mode: 6, times: 3, waves: [500, 600] });
    // The first 224 bytes hold every field the reader uses (the rest is titles).
    const failures = await fuzz("fuzz.dv", bytes, 224, 300, 777);
    assert.ok(failures > 30, `only ${failures} of 300 mutations failed`);
  });
});
