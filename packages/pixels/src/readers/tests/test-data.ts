/**
 * Shared helpers for the reader tests: where the real test images live, a plane digest that
 * make-reference.py computes independently, and throw-away temp folders.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plane } from "@fovea/model";
import { isFoveaError } from "@fovea/model";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../../../../..");

/** `$FOVEA_TEST_DATA`, else `<repo>/../shared/data` (see ../shared/data/SOURCES.md). */
export const DATA_DIR = process.env.FOVEA_TEST_DATA ?? resolve(REPO, "../shared/data");

/** node:test `skip` value: false when the data is there, else the reason. */
export const SKIP_REAL_DATA: false | string = existsSync(DATA_DIR) ? false : "FOVEA_TEST_DATA folder not found: real-data tests skipped";

export function dataFile(rel: string): string {
  return join(DATA_DIR, rel);
}

export interface PlaneDigest {
  /** First 16 hex digits of the sha256 of the plane's little-endian bytes. */
  sha256: string;
  min: number;
  max: number;
  sum: number;
}

/** Same statistic as make-reference.py (this machine is little-endian, as the digest assumes). */
export function digest(plane: Plane): PlaneDigest {
  const d = plane.data;
  const sha256 = createHash("sha256").update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)).digest("hex").slice(0, 16);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { sha256, min, max, sum };
}

export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "fovea-readers-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Asserts a reader failure: a FoveaError with one of `codes` whose message names `fileName`.
 * Returns the error for further checks.
 */
export function expectReaderError(err: unknown, fileName: string, codes: readonly string[] = ["FILE_UNREADABLE", "UNSUPPORTED_FORMAT"]): Error {
  if (!isFoveaError(err)) throw new Error(`expected a FoveaError, got ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
  if (!codes.includes(err.code)) throw new Error(`expected ${codes.join(" or ")}, got ${err.code}: ${err.message}`);
  if (!err.message.includes(fileName)) throw new Error(`error message does not name ${fileName}: ${err.message}`);
  return err;
}
