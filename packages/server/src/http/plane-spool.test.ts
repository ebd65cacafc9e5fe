import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { PlaneSpool } from "./plane-spool.ts";

const SHELL = { name: "x", sizeX: 2, sizeY: 1, sizeZ: 1, sizeC: 1, sizeT: 1, pixelType: "uint16" as const, channels: [{ name: "a" }] };

test("uploads left by a crash are removed at start; idle ones when the next is created; others are kept", async () => {
  const root = await mkdtemp(join(tmpdir(), "fovea-spool-"));
  try {
    await mkdir(join(root, "upload-unrelated"));
    const spool = new PlaneSpool(root);
    const stale = await spool.create({ ownerId: 1, shell: SHELL, planeBytes: 4 });
    await spool.writePlane(stale, 0, 0, 0, new Uint8Array([1, 0, 2, 0]));
    assert.deepEqual([...(await spool.readPlane(stale, SHELL, 0, 0, 0)).data], [1, 2]);
    assert.deepEqual(await spool.missing(stale, SHELL), []);
    await assert.rejects(spool.load(stale, 2), { code: "NOT_FOUND" });
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(join(root, `image-upload-${stale}`), old, old);
    const fresh = await spool.create({ ownerId: 1, shell: SHELL, planeBytes: 4 });
    assert.deepEqual((await readdir(root)).sort(), [`image-upload-${fresh}`, "upload-unrelated"]);
    await new PlaneSpool(root).removeAll(); // what a restart does
    assert.deepEqual(await readdir(root), ["upload-unrelated"]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
