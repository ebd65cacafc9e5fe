import { test } from "node:test";
import assert from "node:assert/strict";
import { decode } from "fast-png";
import { makeThumbnail, thumbnailLevel } from "./thumbnail.ts";

test("the thumbnail comes from the smallest level still at least 96 px on its longer side", () => {
  assert.equal(thumbnailLevel([{ sizeX: 50, sizeY: 40 }]), 0);
  assert.equal(thumbnailLevel([{ sizeX: 8192, sizeY: 300 }, { sizeX: 4096, sizeY: 150 }, { sizeX: 2048, sizeY: 75 }, { sizeX: 1024, sizeY: 38 }, { sizeX: 512, sizeY: 19 }]), 4);
  assert.equal(thumbnailLevel([{ sizeX: 3000, sizeY: 3000 }, { sizeX: 1500, sizeY: 1500 }, { sizeX: 750, sizeY: 750 }, { sizeX: 375, sizeY: 375 }]), 3);
});

test("longest side 96 whatever the size: small images are enlarged with their pixels kept sharp", async () => {
  const png = await makeThumbnail([{ width: 2, height: 1, data: new Uint8Array([0, 200]) }], [{ min: 0, max: 200 }], []);
  const img = decode(png);
  assert.deepEqual([img.width, img.height, img.channels], [96, 48, 3]);
  assert.deepEqual([...img.data.subarray(0, 3)], [0, 0, 0]);
  assert.deepEqual([...img.data.subarray((95 + 96 * 47) * 3, (96 + 96 * 47) * 3)], [255, 255, 255]);
  const wide = decode(await makeThumbnail([{ width: 1000, height: 3, data: new Uint16Array(3000) }], [{ min: 0, max: 1 }], []));
  assert.deepEqual([wide.width, wide.height], [96, 1]);
});

test("channel colours come from the file when it names them", async () => {
  const one = { width: 1, height: 1, data: new Uint8Array([255]) };
  const img = decode(await makeThumbnail([one, one], [{ min: 0, max: 255 }, { min: 0, max: 255 }], [{ color: "FF0000" }, { color: "0000FF" }]));
  assert.deepEqual([...img.data.subarray(0, 3)], [255, 0, 255]);
});
