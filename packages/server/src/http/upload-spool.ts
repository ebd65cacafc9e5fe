/**
 * Spools a multipart upload to a private temporary folder, so that format readers can seek in it.
 * Each `file` part keeps its relative name (a folder upload, e.g. an OME-Zarr, sends one part per
 * file named `toxo.ome.zarr/0/0/0/0`); names that would escape the folder are refused.
 */
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FoveaError } from "@fovea/model";
import type { MultipartFile } from "@fastify/multipart";

export interface SpooledUpload {
  readonly dir: string;
  /** Relative names of the files, in upload order. */
  readonly files: { name: string; path: string; mimeType: string; size: number }[];
  /** What to import: the single file, or the top folder of a folder upload. */
  readonly root: string;
  cleanup(): Promise<void>;
}

function safeRelative(name: string): string {
  const cleaned = normalize(name.replace(/\\/g, "/")).replace(/^(\.\/)+/, "");
  if (cleaned === "" || cleaned.startsWith("..") || cleaned.startsWith("/") || cleaned.split(sep).includes("..")) {
    throw new FoveaError("VALIDATION_FAILED", `Unsafe file name in upload: ${name}`, { details: [{ field: "file", message: `unsafe name ${name}` }] });
  }
  return cleaned;
}

/** Counts bytes and fails the stream once the total exceeds `max`. */
function limiter(counter: { bytes: number }, max: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      counter.bytes += chunk.length;
      if (counter.bytes > max) done(new FoveaError("PAYLOAD_TOO_LARGE", `The upload is larger than the server accepts (${max} bytes)`));
      else done(null, chunk);
    },
  });
}

export async function spoolUpload(tmpRoot: string, parts: AsyncIterable<MultipartFile>, maxBytes: number): Promise<SpooledUpload> {
  await mkdir(tmpRoot, { recursive: true });
  const dir = await mkdtemp(join(tmpRoot, "upload-"));
  const files: SpooledUpload["files"] = [];
  const counter = { bytes: 0 };
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    for await (const part of parts) {
      const name = safeRelative(part.filename || "upload");
      const path = join(dir, name);
      await mkdir(dirname(path), { recursive: true });
      const before = counter.bytes;
      await pipeline(part.file, limiter(counter, maxBytes), createWriteStream(path, { flags: "wx" }));
      files.push({ name, path, mimeType: part.mimetype || "application/octet-stream", size: counter.bytes - before });
    }
    if (files.length === 0) throw new FoveaError("VALIDATION_FAILED", "No file in the upload", { details: [{ field: "file", message: "is required" }] });
    const tops = new Set(files.map((f) => f.name.split("/")[0]!));
    if (files.length > 1 && (tops.size > 1 || files.some((f) => !f.name.includes("/")))) {
      // One upload is one image source: a file, or the files of one folder (e.g. an OME-Zarr).
      throw new FoveaError("VALIDATION_FAILED", `An import takes one file or one folder; got ${[...tops].slice(0, 5).join(", ")}${tops.size > 5 ? ", …" : ""}`, {
        details: [{ field: "file", message: "send one file, or the files of one folder named folder/…" }],
      });
    }
    const root = files.length === 1 ? files[0]!.path : join(dir, [...tops][0]!);
    return { dir, files, root, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
