/**
 * PNG (fast-png) and JPEG (sharp) import: grey and RGB channels, 16-bit, low bit depths, alpha
 * dropped, palettes expanded, pHYs pixel size, and truncated files.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encode as encodePng } from "fast-png";
import sharp from "sharp";
import { expectReaderError } from "./test-data.ts";
import { allPlanes, openError, withOpenedBytes } from "./open-bytes.ts";

const [W, H] = [6, 4];
const N = W * H;

describe("PNG", () => {
  it("reads 16-bit grey exactly", async () => {
    const data = Uint16Array.from({ length: N }, (_, i) => i * 2731);
    await withOpenedBytes("grey16.png", encodePng({ width: W, height: H, data, depth: 16, channels: 1 }), async (file) => {
      const m = file.images[0]!.metadata;
      assert.deepEqual([m.sizeX, m.sizeY, m.sizeC, m.pixelType, m.format], [W, H, 1, "uint16", "PNG"]);
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from(data));
    });
  });

  it("splits RGBA into three channels and drops alpha; grey+alpha keeps grey", async () => {
    const rgba = Uint8Array.from({ length: N * 4 }, (_, i) => (i * 7) % 256);
    await withOpenedBytes("rgba.png", encodePng({ width: W, height: H, data: rgba, depth: 8, channels: 4 }), async (file) => {
      const planes = await allPlanes(file.images[0]!);
      assert.deepEqual(file.images[0]!.metadata.channels.map((c) => c.name), ["Red", "Green", "Blue"]);
      for (let c = 0; c < 3; c++) assert.deepEqual(planes.get(`0,${c},0`), Array.from({ length: N }, (_, i) => rgba[i * 4 + c]));
    });
    const ga = Uint8Array.from({ length: N * 2 }, (_, i) => i);
    await withOpenedBytes("ga.png", encodePng({ width: W, height: H, data: ga, depth: 8, channels: 2 }), async (file) => {
      assert.equal(file.images[0]!.metadata.sizeC, 1);
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from({ length: N }, (_, i) => ga[i * 2]));
    });
  });

  it("unpacks 1-bit grey rows that do not end on a byte boundary", async () => {
    const bits = Uint8Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 1 : 0));
    // fast-png takes packed rows for depth < 8: pack W=6 pixels per row into one byte.
    const packed = new Uint8Array(H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) packed[y]! |= bits[y * W + x]! << (7 - x);
    await withOpenedBytes("bits.png", encodePng({ width: W, height: H, data: packed, depth: 1, channels: 1 }), async (file) => {
      assert.deepEqual(Array.from((await file.images[0]!.readPlane(0, 0, 0)).data), Array.from(bits));
    });
  });

  it("expands a palette PNG to RGB and reads the pHYs pixel size", async () => {
    const colours = [[255, 0, 0], [0, 128, 255], [10, 20, 30], [255, 255, 255]];
    const rgb = Uint8Array.from({ length: N * 3 }, (_, i) => colours[Math.floor(i / 3) % 4]![i % 3]!);
    const png = await sharp(rgb, { raw: { width: W, height: H, channels: 3 } })
      .withMetadata({ density: 25400 }) // 25400 dpi = 1 000 000 px/m = 1 µm per pixel
      .png({ palette: true, colours: 4, dither: 0 }).toBuffer();
    await withOpenedBytes("palette.png", png, async (file) => {
      const m = file.images[0]!.metadata;
      assert.equal(m.sizeC, 3);
      assert.ok(Math.abs(m.physicalSizeX! - 1) < 1e-6, String(m.physicalSizeX));
      const planes = await allPlanes(file.images[0]!);
      for (let c = 0; c < 3; c++) assert.deepEqual(planes.get(`0,${c},0`), Array.from({ length: N }, (_, i) => rgb[i * 3 + c]));
    });
  });

  it("fails on a truncated PNG", async () => {
    const png = encodePng({ width: 64, height: 64, data: new Uint8Array(64 * 64).map((_, i) => i), depth: 8, channels: 1 });
    expectReaderError(await openError("cut.png", png.subarray(0, png.length - 30)), "cut.png", ["FILE_UNREADABLE"]);
  });
});

describe("JPEG", () => {
  const rgb = Uint8Array.from({ length: 32 * 24 * 3 }, (_, i) => (i * 13) % 256);

  it("reads RGB JPEGs as three channels, as libvips decodes them", async () => {
    const jpeg = await sharp(rgb, { raw: { width: 32, height: 24, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
    const reference = await sharp(jpeg).raw().toBuffer();
    await withOpenedBytes("photo.jpg", jpeg, async (file) => {
      const m = file.images[0]!.metadata;
      assert.deepEqual([m.sizeX, m.sizeY, m.sizeC, m.pixelType, m.format], [32, 24, 3, "uint8", "JPEG"]);
      const blue = await file.images[0]!.readPlane(0, 2, 0);
      assert.deepEqual(Array.from(blue.data), Array.from({ length: 32 * 24 }, (_, i) => reference[i * 3 + 2]));
    });
  });

  it("reads grey JPEGs as one channel", async () => {
    const jpeg = await sharp(rgb, { raw: { width: 32, height: 24, channels: 3 } }).toColourspace("b-w").jpeg().toBuffer();
    await withOpenedBytes("grey.jpeg", jpeg, async (file) => {
      assert.equal(file.images[0]!.metadata.sizeC, 1);
    });
  });

  it("fails on a truncated JPEG", async () => {
    const jpeg = await sharp(rgb, { raw: { width: 32, height: 24, channels: 3 } }).jpeg().toBuffer();
    expectReaderError(await openError("cut.jpg", jpeg.subarray(0, Math.floor(jpeg.length / 2))), "cut.jpg", ["FILE_UNREADABLE"]);
  });
});
