/** Test helper: write bytes to a temp file with a given name and open it with the real FileOpener. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ImageReader, OpenedFile } from "@fovea/core";
import { createFileOpener } from "../file-opener.ts";
import { withTempDir } from "./test-data.ts";

const opener = createFileOpener();

/** Opens `bytes` saved as `name`, runs `fn` on the opened file, and cleans up. */
export async function withOpenedBytes<T>(name: string, bytes: Uint8Array, fn: (file: OpenedFile, path: string) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    const opened = await opener.open(path);
    try {
      return await fn(opened, path);
    } finally {
      await opened.close();
    }
  });
}

/** The error `open` throws for `bytes` saved as `name` (fails the test when it opens). */
export async function openError(name: string, bytes: Uint8Array): Promise<unknown> {
  return withTempDir(async (dir) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    try {
      const opened = await opener.open(path);
      await opened.close();
    } catch (err) {
      return err;
    }
    throw new Error(`${name} opened, but should have failed`);
  });
}

/** Every plane of an image as plain number arrays, keyed "z,c,t". */
export async function allPlanes(image: ImageReader): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const { sizeZ, sizeC, sizeT } = image.metadata;
  for (let t = 0; t < sizeT; t++) for (let c = 0; c < sizeC; c++) for (let z = 0; z < sizeZ; z++) {
    out.set(`${z},${c},${t}`, Array.from(((await image.readPlane(z, c, t)).data as ArrayLike<number>)));
  }
  return out;
}
