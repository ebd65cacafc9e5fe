import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { DiskFileStore } from "./file-store.ts";

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield typeof p === "string" ? new TextEncoder().encode(p) : p;
}

async function readAll(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const c of source) out.push(c);
  return Buffer.concat(out);
}

/** Every file under `dir`, relative, so tests can see that nothing (not even a temp file) was left. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1)).sort();
}

describe("DiskFileStore", () => {
  let dir = "";
  let store: DiskFileStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fovea-files-test-"));
    store = new DiskFileStore(join(dir, "files"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("stores a stream under <aa>/<uuid> with its size and sha256, and reads it back", async () => {
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    const stored = await store.put(chunks("hello ", big, "world"), 1_000_000);
    const expected = Buffer.concat([Buffer.from("hello "), big, Buffer.from("world")]);
    assert.match(stored.key, /^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    assert.equal(stored.key.slice(0, 2), stored.key.slice(3, 5));
    assert.equal(stored.size, expected.length);
    assert.equal(stored.sha256, createHash("sha256").update(expected).digest("hex"));
    assert.deepEqual(await readAll(store.open(stored.key)), expected);
    assert.deepEqual(await filesIn(join(dir, "files")), [stored.key]);
  });

  it("accepts exactly maxBytes and an empty file", async () => {
    assert.equal((await store.put(chunks("12345"), 5)).size, 5);
    const empty = await store.put(chunks(), 5);
    assert.equal(empty.size, 0);
    assert.equal(empty.sha256, createHash("sha256").digest("hex"));
  });

  it("rejects a file past maxBytes with PAYLOAD_TOO_LARGE and leaves nothing behind", async () => {
    await assert.rejects(store.put(chunks("12345", "6"), 5), { name: "FoveaError", code: "PAYLOAD_TOO_LARGE" });
    assert.deepEqual(await filesIn(join(dir, "files")), []);
  });

  it("leaves nothing behind when the source fails or the upload is aborted", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(10);
      throw new Error("client went away");
    }
    await assert.rejects(store.put(failing(), 100), /client went away/);
    const controller = new AbortController();
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(10);
      controller.abort();
      yield new Uint8Array(10);
    }
    await assert.rejects(store.put(slow(), 100, controller.signal), { name: "AbortError" });
    assert.deepEqual(await filesIn(join(dir, "files")), []);
  });

  it("throws NOT_FOUND for unknown, deleted or malformed keys, and deletes idempotently", async () => {
    const stored = await store.put(chunks("bytes"), 100);
    await store.delete(stored.key);
    await store.delete(stored.key);
    await store.delete("../../etc/passwd");
    assert.throws(() => store.open(stored.key), { code: "NOT_FOUND" });
    assert.throws(() => store.open("../../etc/passwd"), { code: "NOT_FOUND" });
    assert.throws(() => store.open("00/00000000-0000-0000-0000-000000000000"), { code: "NOT_FOUND" });
  });
});
