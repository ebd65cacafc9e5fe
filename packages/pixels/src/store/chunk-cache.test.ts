import { test } from "node:test";
import assert from "node:assert/strict";
import { ChunkCache } from "./chunk-cache.ts";

const chunk = (bytes: number, fill = 1) => new Uint8Array(bytes).fill(fill);

test("keeps chunks within the byte budget, dropping the least recently used first", () => {
  const cache = new ChunkCache(300);
  cache.set("a", chunk(100, 1));
  cache.set("b", chunk(100, 2));
  cache.set("c", chunk(100, 3));
  assert.equal(cache.get("a")?.[0], 1); // a is now the most recently used
  cache.set("d", chunk(100, 4));
  assert.equal(cache.get("b"), undefined);
  assert.deepEqual(["a", "c", "d"].map((k) => cache.get(k)?.[0]), [1, 3, 4]);
  assert.equal(cache.bytes, 300);
});

test("replacing a key counts its bytes once; a chunk larger than the budget is not kept", () => {
  const cache = new ChunkCache(300);
  cache.set("a", chunk(200));
  cache.set("a", chunk(250, 9));
  assert.equal(cache.bytes, 250);
  assert.equal(cache.get("a")?.[0], 9);
  cache.set("huge", chunk(301));
  assert.equal(cache.get("huge"), undefined);
  assert.equal(cache.get("a")?.[0], 9);
});

test("evict drops exactly the keys with the prefix", () => {
  const cache = new ChunkCache(1000);
  for (const k of ["1/0/a", "1/0/b", "12/0/a", "2/1/a"]) cache.set(k, chunk(10));
  cache.evict("1/");
  assert.deepEqual(["1/0/a", "1/0/b", "12/0/a", "2/1/a"].map((k) => cache.get(k) !== undefined), [false, false, true, true]);
  assert.equal(cache.bytes, 20);
});

test("an offered chunk is kept only when offered again while remembered", () => {
  const cache = new ChunkCache(1000);
  assert.equal(cache.offer("scan", chunk(10)), false);
  assert.equal(cache.get("scan"), undefined);
  assert.equal(cache.offer("scan", chunk(10, 5)), true);
  assert.equal(cache.get("scan")?.[0], 5);
  cache.evict("s"); // forgets offers too
  cache.offer("scan", chunk(10));
  cache.evict("s");
  assert.equal(cache.offer("scan", chunk(10)), false);
});
