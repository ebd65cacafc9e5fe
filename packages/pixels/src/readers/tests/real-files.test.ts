/**
 * Acceptance table: one row per file of ../shared/data/SOURCES.md, opened through the real
 * FileOpener. Dimensions, types, sizes and channels follow SOURCES.md (and the decisions noted in
 * the readers); the plane digests were computed independently, once, by make-reference.py
 * (tifffile 2023.2 / Pillow / python3-zarr 2.13 / numpy on the raw DV block) and pasted here.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isFoveaError, type PixelType } from "@fovea/model";
import { createFileOpener } from "../file-opener.ts";
import { dataFile, digest, SKIP_REAL_DATA, type PlaneDigest } from "./test-data.ts";

interface Row {
  file: string;
  format?: string;
  /** X, Y, Z, C, T */
  dims?: [number, number, number, number, number];
  type?: PixelType;
  /** Micrometres; undefined = the file states none. */
  size?: { x?: number; y?: number; z?: number };
  /** Seconds. */
  dt?: number;
  channels?: { name: string; color?: string; window?: { start: number; end: number } }[];
  planes?: (PlaneDigest & { at: [number, number, number] })[];
  /** The error code expected instead of an image. */
  error?: "UNSUPPORTED_FORMAT" | "FILE_UNREADABLE";
}

const RGB = [{ name: "Red", color: "FF0000" }, { name: "Green", color: "00FF00" }, { name: "Blue", color: "0000FF" }];
const TOXO_PLANES: Row["planes"] = [
  { at: [0, 0, 0], sha256: "6d5e1adb43356812", min: 101, max: 435, sum: 2488212 },
  { at: [1, 1, 0], sha256: "a2f47930b94c322f", min: 109, max: 3170, sum: 6310063 },
];

const ROWS: Row[] = [
  {
    file: "mrc/toxo.dv", format: "DeltaVision", dims: [128, 128, 17, 2, 1], type: "uint16",
    size: { x: 0.13262, y: 0.13262, z: 0.3 }, channels: [{ name: "525nm" }, { name: "632nm" }], planes: TOXO_PLANES,
  },
  {
    file: "omero-common/tinyTest.d3d.dv", format: "DeltaVision", dims: [20, 20, 5, 1, 6], type: "int16",
    size: { x: 0.100109, y: 0.100109, z: 0.5 }, channels: [{ name: "500nm" }],
    planes: [
      { at: [0, 0, 0], sha256: "09600463671c1448", min: 105, max: 236, sum: 59375 },
      { at: [1, 0, 5], sha256: "8115c940a29527c6", min: 89, max: 387, sum: 52818 },
    ],
  },
  {
    // Decision: the OTF imports as a float32 image; its reciprocal-space steps are not µm sizes.
    file: "deltavision-scripts/gpsf_3D_1514_a3_001_WF.dv_otf", format: "DeltaVision", dims: [20, 129, 1, 1, 1], type: "float32",
    size: {}, channels: [{ name: "528nm" }],
    planes: [{ at: [0, 0, 0], sha256: "8f37e29fffece1d4", min: 0, max: 1, sum: 52.269456810479824 }],
  },
  {
    file: "scikit-tracker/CZT_peaks.ome.tif", format: "OME-TIFF", dims: [56, 48, 4, 1, 4], type: "uint16",
    size: { x: 0.065, y: 0.065, z: 1 }, dt: 10, channels: [{ name: "Ch1" }],
    planes: [
      { at: [0, 0, 0], sha256: "7af8707f358f6a7e", min: 85, max: 331, sum: 400562 },
      { at: [1, 0, 3], sha256: "25088cc0f98e6d13", min: 96, max: 359, sum: 402708 },
    ],
  },
  {
    file: "scikit-tracker/TC_BF_cells.ome.tif", format: "OME-TIFF", dims: [174, 193, 7, 1, 3], type: "uint16",
    size: { x: 0.065, y: 0.065, z: 0.3 }, dt: 10, channels: [{ name: "Ch1" }],
    planes: [
      { at: [0, 0, 0], sha256: "a4aa933779adeb7a", min: 566, max: 2007, sum: 35973669 },
      { at: [1, 0, 2], sha256: "91db5ea033b3da13", min: 2008, max: 6908, sum: 128458550 },
    ],
  },
  {
    // Palette TIFF: raw indices, the LUT is display only.
    file: "scikit-tracker/TZ_nucleus.ome.tif", format: "OME-TIFF", dims: [73, 51, 5, 1, 4], type: "uint8",
    size: { x: 0.4151329, y: 0.4151329, z: 1.5 }, dt: 180, channels: [{ name: "Ch1" }],
    planes: [
      { at: [0, 0, 0], sha256: "2ee60d6abb70a5ed", min: 0, max: 255, sum: 50046 },
      { at: [1, 0, 3], sha256: "4faefe6dfe22a858", min: 0, max: 255, sum: 51520 },
    ],
  },
  {
    // LZW; the embedded CZI metadata names channels (EGFP, TaRFP) that the pixels do not hold.
    file: "aicsimageio/s_1_t_1_c_1_z_1.ome.tiff", format: "OME-TIFF", dims: [475, 325, 1, 1, 1], type: "uint16",
    size: { x: 1.0833333, y: 1.0833333 }, channels: [{ name: "Bright", color: "FFFFFF" }],
    planes: [{ at: [0, 0, 0], sha256: "8415833c8132d530", min: 3249, max: 4168, sum: 563709458 }],
  },
  {
    file: "neubias-training/xyzc_16bit__spots.tif", format: "TIFF", dims: [89, 88, 17, 2, 1], type: "uint16",
    size: { x: 0.0941345, y: 0.0941345, z: 0.4 }, channels: [{ name: "Ch1" }, { name: "Ch2" }],
    planes: [
      { at: [0, 0, 0], sha256: "60ccf7793c9ee321", min: 254, max: 5181, sum: 5820994 },
      { at: [1, 1, 0], sha256: "164ce76e9029a0d6", min: 315, max: 5951, sum: 5913149 },
    ],
  },
  {
    file: "neubias-training/xyc_16bit__hela-cells.tif", format: "TIFF", dims: [672, 512, 1, 3, 1], type: "uint16",
    size: { x: 0.0514931, y: 0.0514931 }, channels: RGB,
    planes: [
      { at: [0, 0, 0], sha256: "fa0e7a2f3eae599e", min: 0, max: 4095, sum: 135240926 },
      { at: [0, 2, 0], sha256: "15ca8cfa35041178", min: 0, max: 2832, sum: 122963586 },
    ],
  },
  {
    file: "neubias-training/xy_rgb__cells.tif", format: "TIFF", dims: [280, 257, 1, 3, 1], type: "uint8", size: {}, channels: RGB,
    planes: [
      { at: [0, 0, 0], sha256: "17df0ed6f032b4af", min: 0, max: 255, sum: 4214442 },
      { at: [0, 2, 0], sha256: "b821c88cafb6238b", min: 0, max: 244, sum: 808160 },
    ],
  },
  {
    file: "neubias-training/xy_float__h2b_bg_corr.tif", format: "TIFF", dims: [60, 42, 1, 1, 1], type: "float32", size: {},
    channels: [{ name: "Ch1", window: { start: 2, end: 249 } }],
    planes: [{ at: [0, 0, 0], sha256: "e17b50fc4c3aa7ec", min: -2.0430002212524414, max: 244.95700073242188, sum: 20912.63970375061 }],
  },
  {
    file: "neubias-training/xyt_calibrated_16bit__golgi_bfa_sum_projection.tif", format: "TIFF", dims: [147, 137, 1, 1, 30], type: "float32",
    size: { x: 0.3514353, y: 0.3514353 }, dt: 59.86, channels: [{ name: "Ch1" }],
    planes: [
      { at: [0, 0, 0], sha256: "ffa5275c3ef65a21", min: 0, max: 94558, sum: 28822807 },
      { at: [0, 0, 29], sha256: "644f0a4b803115aa", min: 6, max: 57519, sum: 31650149 },
    ],
  },
  {
    file: "neubias-training/xy_16bit__motors_on_microtubules.tif", format: "TIFF", dims: [100, 100, 1, 1, 1], type: "uint16", size: {},
    planes: [{ at: [0, 0, 0], sha256: "a8bdec1b94635483", min: 0, max: 63704, sum: 48289899 }],
  },
  {
    file: "neubias-training/xy_16bit__scanR_datatype_issue.tif", format: "TIFF", dims: [1344, 1024, 1, 1, 1], type: "uint16", size: {},
    planes: [{ at: [0, 0, 0], sha256: "d0f594cef3dc3de2", min: 32963, max: 36863, sum: 45556481824 }],
  },
  {
    file: "neubias-training/xy_calibrated_16bit__nuclear_protein_control.tif", format: "TIFF", dims: [1192, 1192, 1, 1, 1], type: "uint16",
    size: { x: 0.1132140, y: 0.1132140 },
    planes: [{ at: [0, 0, 0], sha256: "bd75efe097a59963", min: 8, max: 3804, sum: 213159613 }],
  },
  {
    file: "neubias-training/xyc_8bit__tub_h2b_cecog_battery.tif", format: "TIFF", dims: [1392, 1040, 1, 2, 1], type: "uint8", size: {},
    channels: [{ name: "Ch1" }, { name: "Ch2" }],
    planes: [
      { at: [0, 0, 0], sha256: "b525754ef727a695", min: 0, max: 255, sum: 58185013 },
      { at: [0, 1, 0], sha256: "14d4b1703b62b692", min: 0, max: 255, sum: 16975294 },
    ],
  },
  { file: "neubias-training/xyz__multiple_images.czi", error: "UNSUPPORTED_FORMAT" },
  {
    // Plain multi-page TIFF of unknown axes: pages are time points.
    file: "bioimage-analysis-notebooks/cancer_cell_migration_crop.tif", format: "TIFF", dims: [130, 130, 1, 1, 48], type: "uint16", size: {},
    planes: [
      { at: [0, 0, 0], sha256: "4686f339a7d8732d", min: 1030, max: 33540, sum: 122294281 },
      { at: [0, 0, 47], sha256: "15e9d16ce92c0aae", min: 1460, max: 44873, sum: 189256345 },
    ],
  },
  {
    file: "bioimage-analysis-notebooks/IXMtest_A02_s9.tif", format: "TIFF", dims: [695, 395, 1, 3, 1], type: "uint16", size: {},
    channels: [{ name: "Ch1" }, { name: "Ch2" }, { name: "Ch3" }],
    planes: [
      { at: [0, 0, 0], sha256: "4f59c7643ff017ce", min: 135, max: 1473, sum: 51840778 },
      { at: [0, 2, 0], sha256: "753fa04779152332", min: 155, max: 4095, sum: 72992341 },
    ],
  },
  {
    file: "pims/stuck.tif", format: "TIFF", dims: [512, 512, 1, 1, 5], type: "uint16", size: {},
    planes: [
      { at: [0, 0, 0], sha256: "6436abc7ee5b57a3", min: 477, max: 563, sum: 130733195 },
      { at: [0, 0, 4], sha256: "c05a0727dd1f1e8f", min: 481, max: 570, sum: 131612762 },
    ],
  },
  {
    file: "stardist/img2d.tif", format: "TIFF", dims: [512, 512, 1, 1, 1], type: "uint16", size: {},
    planes: [{ at: [0, 0, 0], sha256: "8952cab7611450bd", min: 0, max: 235, sum: 8331268 }],
  },
  {
    file: "derived/toxo.ome.tif", format: "OME-TIFF", dims: [128, 128, 17, 2, 1], type: "uint16",
    size: { x: 0.1326, y: 0.1326, z: 0.3 }, channels: [{ name: "525nm" }, { name: "632nm" }], planes: TOXO_PLANES,
  },
  {
    file: "derived/toxo.ome.zarr", format: "OME-Zarr", dims: [128, 128, 17, 2, 1], type: "uint16",
    size: { x: 0.1326, y: 0.1326, z: 0.3 },
    channels: [
      { name: "525nm", color: "00FF00", window: { start: 0, end: 3545 } },
      { name: "632nm", color: "FF00FF", window: { start: 0, end: 7657 } },
    ],
    planes: TOXO_PLANES,
  },
  {
    file: "derived/bulk_water_t100_crop192.ome.tif", format: "OME-TIFF", dims: [192, 192, 1, 1, 100], type: "uint8",
    size: { x: 1 / 2.85, y: 1 / 2.85 }, dt: 1 / 24, channels: [{ name: "brightfield" }],
    planes: [
      { at: [0, 0, 0], sha256: "b89db66b1f1c20f2", min: 99, max: 139, sum: 4770974 },
      { at: [0, 0, 99], sha256: "ad32f50b03eb0b0f", min: 97, max: 137, sum: 4758618 },
    ],
  },
];

function assertClose(actual: number | undefined, expected: number | undefined, what: string, rel = 1e-4): void {
  if (expected === undefined) {
    assert.equal(actual, undefined, `${what}: expected none`);
    return;
  }
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} ≠ ${expected}`);
}

describe("real test files (SOURCES.md)", { skip: SKIP_REAL_DATA }, () => {
  const opener = createFileOpener();
  for (const row of ROWS) {
    it(row.file, async () => {
      const name = row.file.split("/").pop()!;
      if (row.error) {
        await assert.rejects(opener.open(dataFile(row.file)), (err) => {
          assert.ok(isFoveaError(err, row.error), String(err));
          assert.match(err.message, new RegExp(name.replace(/\./g, "\\.")));
          return true;
        });
        return;
      }
      const opened = await opener.open(dataFile(row.file));
      try {
        assert.equal(opened.images.length, 1);
        const image = opened.images[0]!;
        const m = image.metadata;
        assert.equal(m.format, row.format);
        assert.equal(m.name, name);
        assert.deepEqual([m.sizeX, m.sizeY, m.sizeZ, m.sizeC, m.sizeT], row.dims);
        assert.equal(m.pixelType, row.type);
        assertClose(m.physicalSizeX, row.size?.x, "physicalSizeX");
        assertClose(m.physicalSizeY, row.size?.y, "physicalSizeY");
        assertClose(m.physicalSizeZ, row.size?.z, "physicalSizeZ");
        assertClose(m.timeIncrement, row.dt, "timeIncrement");
        assert.equal(m.channels.length, m.sizeC);
        for (const [c, expected] of (row.channels ?? []).entries()) {
          const actual = m.channels[c]!;
          assert.equal(actual.name, expected.name);
          if (expected.color) assert.equal(actual.color, expected.color);
          if (expected.window) assert.deepEqual(actual.window, expected.window);
        }
        for (const p of row.planes ?? []) {
          const plane = await image.readPlane(...p.at);
          assert.equal(plane.width, m.sizeX);
          assert.equal(plane.height, m.sizeY);
          assert.equal(plane.data.length, m.sizeX * m.sizeY);
          const d = digest(plane);
          assert.equal(d.sha256, p.sha256, `plane ${p.at} checksum`);
          assert.equal(d.min, p.min);
          assert.equal(d.max, p.max);
          assertClose(d.sum, p.sum, `plane ${p.at} sum`, 1e-9);
        }
      } finally {
        await opened.close();
      }
    });
  }
});
