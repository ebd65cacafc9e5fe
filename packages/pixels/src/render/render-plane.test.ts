import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decode } from "fast-png";
import sharp from "sharp";
import type { ImageMetadata, PixelStore } from "@fovea/core";
import { isFoveaError } from "@fovea/model";
import { createZarrPixelStore } from "../store/zarr-pixel-store.ts";
import { renderRegion, type ChannelRender, type RenderRequest } from "./render-plane.ts";

// Fixture: 3 channels × 3 Z of 40 × 30 uint16. Channel c at (x, y, z) = 1000·c + 100·z + x.
const W = 40, H = 30, Z = 3;
const value = (c: number, z: number, x: number) => 1000 * c + 100 * z + x;
let root: string;
let store: PixelStore;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "fovea-render-"));
  store = createZarrPixelStore(root);
  const meta: ImageMetadata = { name: "fixture", sizeX: W, sizeY: H, sizeZ: Z, sizeC: 3, sizeT: 1, pixelType: "uint16", channels: [], format: "test" };
  const w = await store.create("fx", meta);
  for (let c = 0; c < 3; c++) for (let z = 0; z < Z; z++) {
    const data = new Uint16Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) data[y * W + x] = value(c, z, x);
    await w.writePlane(z, c, 0, { width: W, height: H, data });
  }
  await w.commit();
});
after(() => rm(root, { recursive: true, force: true }));

const channels: ChannelRender[] = [
  { active: true, color: "FF0000", start: 0, end: 255 }, //        c0 = 100z + x
  { active: true, color: "00FF00", start: 1000, end: 1510 }, //    c1 − 1000 over 510
  { active: true, color: "0000FF", start: 2000, end: 2300 }, //    c2 − 2000 over 300
];
const req = (over: Partial<RenderRequest> = {}): RenderRequest => ({ level: 0, z: 1, t: 0, channels, format: "png", ...over });

function rgbAt(png: Uint8Array, x: number, y: number): number[] {
  const img = decode(png);
  assert.equal(img.channels, 3);
  const i = (y * img.width + x) * 3;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

const expected = (z: number, x: number) => [
  Math.min(255, Math.round(((100 * z + x) / 255) * 255)),
  Math.round(((100 * z + x) / 510) * 255),
  Math.round(Math.min(1, (100 * z + x) / 300) * 255),
];

test("PNG of one plane has the mixed RGB at probed pixels", async () => {
  const png = await renderRegion(store, "fx", req());
  const img = decode(png);
  assert.deepEqual([img.width, img.height], [W, H]);
  for (const [x, y] of [[0, 0], [7, 3], [39, 29], [20, 15]] as const) {
    assert.deepEqual(rgbAt(png, x, y), expected(1, x), `(${x}, ${y})`); // z = 1: c0 = 100 + x
  }
  assert.deepEqual(rgbAt(png, 0, 0), [100, 50, 85]); // 100/255·255, 100/510·255, 100/300·255 = 85
});

test("a region, with an inactive channel", async () => {
  const png = await renderRegion(store, "fx", req({ z: 0, region: { x: 10, y: 5, width: 8, height: 4 }, channels: [channels[0]!, { ...channels[1]!, active: false }, channels[2]!] }));
  const img = decode(png);
  assert.deepEqual([img.width, img.height], [8, 4]);
  assert.deepEqual(rgbAt(png, 2, 1), [12, 0, Math.round((12 / 300) * 255)]); // x = 12, z = 0
});

test("maximum projection over Z renders the brightest plane of each channel", async () => {
  const png = await renderRegion(store, "fx", req({ z: 0, projection: "max" }));
  for (const x of [0, 5, 39]) assert.deepEqual(rgbAt(png, x, 2), expected(Z - 1, x));
});

test("JPEG encodes at the requested quality", async () => {
  const jpeg = await renderRegion(store, "fx", req({ format: "jpeg", quality: 80 }));
  assert.deepEqual([jpeg[0], jpeg[1]], [0xff, 0xd8]);
  const info = await sharp(jpeg).metadata();
  assert.deepEqual([info.format, info.width, info.height, info.channels], ["jpeg", W, H, 3]);
  const { data } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (15 * W + 20) * 3; // lossy, so only close
  expected(1, 20).forEach((v, k) => assert.ok(Math.abs(data[i + k]! - v) <= 8, `component ${k}: ${data[i + k]} vs ${v}`));
});

test("bad requests name the field", async () => {
  const fails = (field: string) => (e: unknown) => isFoveaError(e, "VALIDATION_FAILED") && JSON.stringify(e.details).includes(field);
  await assert.rejects(renderRegion(store, "fx", req({ channels: channels.slice(0, 2) })), fails("channels"));
  await assert.rejects(renderRegion(store, "fx", req({ z: 3 })), fails('"z"'));
  await assert.rejects(renderRegion(store, "fx", req({ level: 1 })), fails("level"));
  await assert.rejects(renderRegion(store, "fx", req({ region: { x: 35, y: 0, width: 10, height: 5 } })), fails("region.width"));
  await assert.rejects(renderRegion(store, "fx", req({ format: "jpeg", quality: 0 })), fails("quality"));
});
