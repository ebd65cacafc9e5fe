/**
 * The FileOpener: choosing a reader by content (extension only as a tie-break), and the errors for
 * empty, missing, random, mislabelled and unsupported files.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { OpenedFile } from "@fovea/core";
import { isFoveaError } from "@fovea/model";
import { createFileOpener } from "../file-opener.ts";
import { scoreMatch, type FormatReader } from "../format-reader.ts";
import { expectReaderError, withTempDir } from "./test-data.ts";
import { openError, withOpenedBytes } from "./open-bytes.ts";
import { writeDv } from "./tiny-dv.ts";

/** Deterministic noise without any format's magic at the start. */
function noise(n: number): Uint8Array {
  let s = 0x9e3779b9;
  return Uint8Array.from({ length: n }, (_, i) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return i === 0 ? 0x42 : s >>> 24;
  });
}

describe("FileOpener", () => {
  it("reports empty and missing files as FILE_UNREADABLE", async () => {
    const err = expectReaderError(await openError("empty.tif", new Uint8Array(0)), "empty.tif", ["FILE_UNREADABLE"]);
    assert.match(err.message, /empty/);
    const missing = await createFileOpener().open("/nonexistent/dir/ghost.dv").catch((e: unknown) => e);
    assert.match(expectReaderError(missing, "ghost.dv", ["FILE_UNREADABLE"]).message, /no such file/);
  });

  it("calls random bytes unreadable when named like a supported format, else unsupported", async () => {
    expectReaderError(await openError("random.tif", noise(4096)), "random.tif", ["FILE_UNREADABLE"]);
    expectReaderError(await openError("random.dv", noise(4096)), "random.dv", ["FILE_UNREADABLE"]);
    const err = expectReaderError(await openError("random.bin", noise(4096)), "random.bin", ["UNSUPPORTED_FORMAT"]);
    assert.match(err.message, /unrecognised/);
  });

  it("names recognised but unsupported formats", async () => {
    const czi = new Uint8Array(2048);
    czi.set(new TextEncoder().encode("ZISRAWFILE"));
    assert.match(expectReaderError(await openError("scan.czi", czi), "scan.czi", ["UNSUPPORTED_FORMAT"]).message, /Zeiss CZI is not supported/);
    const hdf5 = Uint8Array.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(100).fill(0)]);
    assert.match(expectReaderError(await openError("cells.ims", hdf5), "cells.ims", ["UNSUPPORTED_FORMAT"]).message, /HDF5/);
  });

  it("trusts content over the extension (a DeltaVision file named .tif)", async () => {
    await withOpenedBytes("really-a-dv.tif", writeDv({ nx: 2, ny: 2, sections: 1, mode: 6 }), async (file) => {
      assert.equal(file.images[0]!.metadata.format, "DeltaVision");
    });
  });

  const fake = (formatName: string, extensions: string[], open: FormatReader["open"]): FormatReader => ({
    formatName, extensions, recognise: (p) => scoreMatch(p.head[0] === 0x42, p, extensions), open,
  });
  const opened = (): OpenedFile => ({ images: [], close: async () => {} });

  it("uses the extension only to break a tie between content matches", async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, "x.second");
      await writeFile(path, noise(64));
      const chosen: string[] = [];
      const opener = createFileOpener([
        fake("First", [".first"], async () => { chosen.push("First"); return opened(); }),
        fake("Second", [".second"], async () => { chosen.push("Second"); return opened(); }),
      ]);
      await opener.open(path);
      // No extension matches: registry order decides.
      await writeFile(join(dir, "x.other"), noise(64));
      await opener.open(join(dir, "x.other"));
      assert.deepEqual(chosen, ["Second", "First"]);
    });
  });

  it("wraps library errors as FILE_UNREADABLE with the cause, and lets aborts through", async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, "boom.raw");
      await writeFile(path, noise(64));
      const raw = new RangeError("Offset is outside the bounds of the DataView");
      const opener = createFileOpener([fake("Boom", [".raw"], async () => { throw raw; })]);
      const err = expectReaderError(await opener.open(path).catch((e: unknown) => e), "boom.raw", ["FILE_UNREADABLE"]);
      assert.equal(err.cause, raw);
      assert.match(err.message, /opening as Boom failed: Offset is outside/);

      const controller = new AbortController();
      controller.abort();
      const aborted = await createFileOpener().open(path, controller.signal).catch((e: unknown) => e);
      assert.ok(!isFoveaError(aborted) && (aborted as Error).name === "AbortError");
    });
  });
});
