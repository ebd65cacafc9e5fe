/**
 * TIFF reader on synthetic files: every sample format in both byte orders, BigTIFF, tiles,
 * planar RGB, alpha, palettes, compressed files written by sharp, and plain-TIFF page rules.
 * (OME-TIFF and ImageJ layouts: tiff-layouts.test.ts.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import sharp from "sharp";
import type { PixelType, TypedArray } from "@fovea/model";
import { expectReaderError } from "./test-data.ts";
import { allPlanes, openError, withOpenedBytes } from "./open-bytes.ts";
import { writeTiff } from "./tiny-tiff.ts";

const W = 5;
const H = 3;

const FORMATS: { type: PixelType; bits: 8 | 16 | 32 | 64; sampleFormat: 1 | 2 | 3; values: number[] }[] = [
  { type: "uint8", bits: 8, sampleFormat: 1, values: [0, 1, 127, 128, 255] },
  { type: "int8", bits: 8, sampleFormat: 2, values: [-128, -1, 0, 1, 127] },
  { type: "uint16", bits: 16, sampleFormat: 1, values: [0, 1, 256, 32768, 65535] },
  { type: "int16", bits: 16, sampleFormat: 2, values: [-32768, -2, 0, 300, 32767] },
  { type: "uint32", bits: 32, sampleFormat: 1, values: [0, 1, 65536, 2 ** 31, 2 ** 32 - 1] },
  { type: "int32", bits: 32, sampleFormat: 2, values: [-(2 ** 31), -5, 0, 70000, 2 ** 31 - 1] },
  { type: "float32", bits: 32, sampleFormat: 3, values: [-2.5, 0, 0.125, 1e6, -1e-3] },
  { type: "float64", bits: 64, sampleFormat: 3, values: [-2.5, 0, 1 / 3, 1e300, -1e-300] },
];

/** W×H samples cycling through `values`. */
function pattern(values: number[]): number[] {
  return Array.from({ length: W * H }, (_, i) => values[i % values.length]!);
}

function asArray(type: PixelType, values: number[]): TypedArray {
  const ctor = { uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array, uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array }[type];
  return ctor.from(values);
}

describe("TIFF sample formats and byte orders", () => {
  for (const f of FORMATS) {
    for (const littleEndian of [true, false]) {
      for (const bigTiff of [false, true]) {
        it(`${f.type} ${littleEndian ? "LE" : "BE"} ${bigTiff ? "BigTIFF" : "TIFF"}`, async () => {
          const data = asArray(f.type, pattern(f.values));
          const bytes = writeTiff([{ width: W, height: H, data, bits: f.bits, sampleFormat: f.sampleFormat }], { littleEndian, bigTiff });
          await withOpenedBytes("plane.tif", bytes, async (file) => {
            const image = file.images[0]!;
            assert.equal(image.metadata.pixelType, f.type);
            assert.equal(image.metadata.format, "TIFF");
            const plane = await image.readPlane(0, 0, 0);
            assert.deepEqual(Array.from(plane.data as ArrayLike<number>), Array.from(data as ArrayLike<number>));
          });
        });
      }
    }
  }
});

describe("TIFF layouts of samples", () => {
  it("reads tiles that overhang the image edge, big-endian", async () => {
    const [w, h] = [40, 33];
    const data = Uint16Array.from({ length: w * h }, (_, i) => (i * 37) % 65536);
    const bytes = writeTiff([{ width: w, height: h, data, bits: 16, tile: 16 }], { littleEndian: false });
    await withOpenedBytes("tiled.tif", bytes, async (file) => {
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from(data));
    });
  });

  it("splits planar (separated) RGB into Red, Green, Blue channels", async () => {
    const n = W * H;
    const data = Uint8Array.from({ length: 3 * n }, (_, i) => i);
    const bytes = writeTiff([{ width: W, height: H, data, bits: 8, samplesPerPixel: 3, planar: 2, photometric: 2 }]);
    await withOpenedBytes("rgb.tif", bytes, async (file) => {
      const m = file.images[0]!.metadata;
      assert.deepEqual(m.channels.map((c) => [c.name, c.color]), [["Red", "FF0000"], ["Green", "00FF00"], ["Blue", "0000FF"]]);
      const planes = await allPlanes(file.images[0]!);
      for (let c = 0; c < 3; c++) assert.deepEqual(planes.get(`0,${c},0`), Array.from(data.subarray(c * n, (c + 1) * n)));
    });
  });

  it("drops the alpha sample of chunky 16-bit RGBA", async () => {
    const data = Uint16Array.from({ length: W * H * 4 }, (_, i) => i * 100);
    const bytes = writeTiff([{ width: W, height: H, data, bits: 16, samplesPerPixel: 4, photometric: 2, extraTags: [{ tag: 338, type: 3, values: [2] }] }]);
    await withOpenedBytes("rgba.tif", bytes, async (file) => {
      const m = file.images[0]!.metadata;
      assert.equal(m.sizeC, 3);
      assert.equal(m.pixelType, "uint16");
      const green = await file.images[0]!.readPlane(0, 1, 0);
      assert.deepEqual(Array.from(green.data), Array.from({ length: W * H }, (_, i) => (i * 4 + 1) * 100));
    });
  });

  it("keeps palette indices as grey values (the LUT is display only)", async () => {
    const data = Uint8Array.from({ length: W * H }, (_, i) => i);
    // A colour map that would turn index i into something else entirely.
    const colorMap = [...Array.from({ length: 256 }, (_, i) => 65535 - i * 256), ...Array(256).fill(0), ...Array(256).fill(65535)];
    const bytes = writeTiff([{ width: W, height: H, data, bits: 8, photometric: 3, extraTags: [{ tag: 320, type: 3, values: colorMap }] }]);
    await withOpenedBytes("palette.tif", bytes, async (file) => {
      assert.equal(file.images[0]!.metadata.sizeC, 1);
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from(data));
    });
  });
});

describe("compressed TIFFs written by sharp", () => {
  const [w, h] = [70, 45];
  const grey16 = Uint16Array.from({ length: w * h }, (_, i) => (i * 977) % 65536);
  for (const compression of ["lzw", "deflate"] as const) {
    for (const tile of [false, true]) {
      it(`${compression}, ${tile ? "tiled" : "stripped"}, 16-bit`, async () => {
        const bytes = await sharp(grey16, { raw: { width: w, height: h, channels: 1 } })
          .toColourspace("grey16").tiff({ compression, tile, tileWidth: 16, tileHeight: 16, predictor: "horizontal" }).toBuffer();
        await withOpenedBytes(`sharp-${compression}.tif`, bytes, async (file) => {
          const m = file.images[0]!.metadata;
          assert.deepEqual([m.sizeX, m.sizeY, m.sizeC, m.pixelType], [w, h, 1, "uint16"]);
          assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from(grey16));
        });
      });
    }
  }
});

describe("plain multi-page TIFFs", () => {
  it("makes pages time points, skips reduced-resolution pages and splits differently shaped runs", async () => {
    const page = (v: number, w = W, h = H) => ({ width: w, height: h, data: new Uint16Array(w * h).fill(v), bits: 16 as const });
    const bytes = writeTiff([page(1), page(2), { ...page(99, 2, 1), newSubfileType: 1 }, page(3), page(7, 4, 4), page(8, 4, 4)]);
    await withOpenedBytes("movie.tif", bytes, async (file) => {
      assert.equal(file.images.length, 2);
      const [a, b] = file.images as [typeof file.images[0], typeof file.images[0]];
      assert.deepEqual([a!.metadata.sizeZ, a!.metadata.sizeT, a!.metadata.name], [1, 3, "movie.tif [1]"]);
      assert.deepEqual([b!.metadata.sizeX, b!.metadata.sizeT, b!.metadata.name], [4, 2, "movie.tif [2]"]);
      assert.equal((await a!.readPlane(0, 0, 2)).data[0], 3);
      assert.equal((await b!.readPlane(0, 0, 1)).data[0], 8);
    });
  });

  it("takes the pixel size from a resolution in centimetres, not in inches", async () => {
    const base = { width: W, height: H, data: new Uint8Array(W * H), bits: 8 as const };
    const res = (unit: number) => [{ tag: 282, type: 5, values: [20000, 1] }, { tag: 283, type: 5, values: [40000, 1] }, { tag: 296, type: 3, values: [unit] }];
    await withOpenedBytes("cm.tif", writeTiff([{ ...base, extraTags: res(3) }]), async (file) => {
      assert.equal(file.images[0]!.metadata.physicalSizeX, 0.5);
      assert.equal(file.images[0]!.metadata.physicalSizeY, 0.25);
    });
    await withOpenedBytes("inch.tif", writeTiff([{ ...base, extraTags: res(2) }]), async (file) => {
      assert.equal(file.images[0]!.metadata.physicalSizeX, undefined);
    });
  });
});

describe("damaged and unsupported TIFFs", () => {
  const ok = writeTiff([{ width: W, height: H, data: new Uint16Array(W * H), bits: 16 }, { width: W, height: H, data: new Uint16Array(W * H), bits: 16 }]);

  it("refuses an IFD chain that loops", async () => {
    const bytes = ok.slice();
    const view = new DataView(bytes.buffer);
    const first = view.getUint32(4, true);
    // Point the last IFD's "next" back at the first one.
    const second = view.getUint32(first + 2 + 12 * view.getUint16(first, true), true);
    view.setUint32(second + 2 + 12 * view.getUint16(second, true), first, true);
    const err = expectReaderError(await openError("loop.tif", bytes), "loop.tif", ["FILE_UNREADABLE"]);
    assert.match(err.message, /loops/);
  });

  it("refuses an IFD offset past the end of the file", async () => {
    const bytes = Uint8Array.from([0x4d, 0x4d, 0, 42, 0, 1, 0, 0, ...Array(24).fill(0)]);
    const err = expectReaderError(await openError("past-end.tif", bytes), "past-end.tif", ["FILE_UNREADABLE"]);
    assert.match(err.message, /outside the file|past the end/);
  });

  it("refuses strips that lie outside the file", async () => {
    const bytes = writeTiff([{ width: W, height: H, data: new Uint16Array(W * H), bits: 16, extraTags: [] }]);
    const view = new DataView(bytes.buffer);
    const ifd = view.getUint32(4, true);
    for (let i = 0; i < view.getUint16(ifd, true); i++) {
      const entry = ifd + 2 + 12 * i;
      if (view.getUint16(entry, true) === 273) view.setUint32(entry + 8, bytes.length - 4, true);
    }
    const err = expectReaderError(await openError("strip.tif", bytes), "strip.tif", ["FILE_UNREADABLE"]);
    assert.match(err.message, /strip 0/);
  });

  it("names unsupported compressions and sample formats", async () => {
    const oldJpeg = writeTiff([{ width: W, height: H, data: new Uint8Array(W * H), bits: 8 }]);
    const view = new DataView(oldJpeg.buffer);
    const ifd = view.getUint32(4, true);
    for (let i = 0; i < view.getUint16(ifd, true); i++) {
      const entry = ifd + 2 + 12 * i;
      if (view.getUint16(entry, true) === 259) view.setUint16(entry + 8, 6, true);
    }
    const err = expectReaderError(await openError("ojpeg.tif", oldJpeg), "ojpeg.tif", ["UNSUPPORTED_FORMAT"]);
    assert.match(err.message, /compression 6/);
  });
});
