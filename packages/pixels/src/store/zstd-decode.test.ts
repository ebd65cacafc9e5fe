import { test } from "node:test";
import assert from "node:assert/strict";
import * as zarr from "zarrita";
import { CHUNK_CODECS } from "./zarr-codec.ts";
import { decompressZstd, frameContentSize, zstdDecoder } from "./zstd-decode.ts";

/** `raw` as the store writes a chunk: zarrita with the store's codecs, one chunk, in memory. */
async function frameOf(raw: Uint8Array): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const arr = await zarr.create(zarr.root(files), { shape: [raw.length], chunkShape: [raw.length], dtype: "uint8", codecs: CHUNK_CODECS });
  await zarr.set(arr, null, { data: raw, shape: [raw.length], stride: [1] });
  return files.get("/c/0")!;
}

/** Bytes that compress somewhat, like pixels: a ramp with noise. */
function sample(n: number): Uint8Array {
  let s = 1;
  return Uint8Array.from({ length: n }, (_, i) => ((i >> 3) + ((s = (s * 1103515245 + 12345) >>> 0) >>> 29)) & 0xff);
}

test("chunks written with the store's codecs decode to the same bytes, at every header size", async () => {
  const decoder = await zstdDecoder();
  assert.ok(decoder, "geotiff provides a zstd decoder");
  // 1-byte, 2-byte (+256), 4-byte content-size fields, and several blocks (> 128 KiB).
  for (const n of [1, 255, 256, 300, 65_791, 65_792, 300_000, 2 ** 21]) {
    const raw = sample(n);
    const frame = await frameOf(raw);
    assert.equal(frameContentSize(frame), n, `declared size of ${n}`);
    assert.ok(Buffer.from(await decompressZstd(decoder, frame)).equals(raw), `round trip of ${n}`);
    // A view into a larger buffer (as a store may hand out) decodes the same.
    const padded = new Uint8Array(frame.length + 7);
    padded.set(frame, 3);
    assert.ok(Buffer.from(await decompressZstd(decoder, padded.subarray(3, 3 + frame.length))).equals(raw));
  }
});

test("anything but exactly one complete frame with a declared size is refused", async () => {
  const frame = await frameOf(sample(100_000));
  assert.equal(frameContentSize(frame.subarray(0, frame.length - 1)), undefined, "truncated");
  assert.equal(frameContentSize(new Uint8Array([...frame, 0])), undefined, "trailing byte");
  assert.equal(frameContentSize(new Uint8Array([...frame, ...frame])), undefined, "two frames");
  assert.equal(frameContentSize(new Uint8Array(16)), undefined, "not zstd");
  const noSize = frame.slice();
  noSize[4] = noSize[4]! & 0x3f & ~0x20; // content size flag 0 without single segment: size absent
  assert.equal(frameContentSize(noSize), undefined, "size not declared");
  const dictionary = frame.slice();
  dictionary[4] = dictionary[4]! | 0x01;
  assert.equal(frameContentSize(dictionary), undefined, "dictionary");
});
