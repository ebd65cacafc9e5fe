/**
 * The FileOpener of the pixel port: probes a path (first KiB, or the folder for OME-Zarr), lets
 * the format readers score it by content (extension only breaks ties), and opens it with the best.
 * Whatever fails comes out as FILE_UNREADABLE or UNSUPPORTED_FORMAT naming the file.
 */
import { stat } from "node:fs/promises";
import type { FileOpener, OpenedFile } from "@fovea/core";
import { dvReader } from "./dv-reader.ts";
import { hasExtension, type FileProbe, type FormatReader } from "./format-reader.ts";
import { describeUnsupported } from "./known-formats.ts";
import { omeZarrReader } from "./ome-zarr-reader.ts";
import { jpegReader, pngReader } from "./png-jpeg-reader.ts";
import { PositionedFile } from "./positioned-file.ts";
import { displayName, guard, unreadable, unsupported } from "./reader-errors.ts";
import { tiffReader } from "./tiff-reader.ts";

/** Registry order breaks ties between equal scores. */
export const DEFAULT_READERS: readonly FormatReader[] = [tiffReader, dvReader, pngReader, jpegReader, omeZarrReader];

const PROBE_BYTES = 1024;

/**
 * The FileOpener the server wires into import. `readers` defaults to every format Fovea reads;
 * tests pass their own to exercise the selection rules.
 */
export function createFileOpener(readers: readonly FormatReader[] = DEFAULT_READERS): FileOpener {
  return { open: (path, signal) => openFile(readers, path, signal) };
}

async function openFile(readers: readonly FormatReader[], path: string, signal?: AbortSignal): Promise<OpenedFile> {
  signal?.throwIfAborted();
  const probe = await probeFile(path);
  let best: FormatReader | undefined;
  let bestScore = 0;
  for (const reader of readers) {
    const score = await guard(path, `probing as ${reader.formatName}`, async () => reader.recognise(probe));
    if (score > bestScore) [best, bestScore] = [reader, score];
  }
  if (!best) throw noReader(probe, readers);
  const chosen = best;
  return guard(path, `opening as ${chosen.formatName}`, () => chosen.open(probe, signal));
}

/** Stats `path` and reads its first KiB; empty and missing files fail here. */
export async function probeFile(path: string): Promise<FileProbe> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw unreadable(path, code === "ENOENT" ? "no such file" : `cannot read (${code ?? String(err)})`, err);
  }
  const lowerName = displayName(path).toLowerCase();
  if (info.isDirectory()) return { path, lowerName, isDirectory: true, size: 0, head: new Uint8Array(0) };
  if (!info.isFile()) throw unsupported(path, "not a regular file");
  if (info.size === 0) throw unreadable(path, "the file is empty (0 bytes)");
  const file = await PositionedFile.open(path);
  try {
    return { path, lowerName, isDirectory: false, size: file.size, head: await file.readUpTo(0, PROBE_BYTES) };
  } finally {
    await file.close();
  }
}

function noReader(probe: FileProbe, readers: readonly FormatReader[]): Error {
  const { path } = probe;
  if (probe.isDirectory) {
    return unsupported(path, "a folder that is not an OME-Zarr image (no multiscales in .zattrs or zarr.json)");
  }
  const known = describeUnsupported(probe.head);
  if (known) return unsupported(path, known);
  // The name promises a format we read but the bytes do not match: damaged, not unsupported.
  const claimed = readers.find((r) => hasExtension(probe.lowerName, r.extensions));
  if (claimed) return unreadable(path, `named like a ${claimed.formatName} file, but its content has no ${claimed.formatName} header (corrupt or mislabelled)`);
  const names = readers.map((r) => r.formatName).join(", ");
  return unsupported(path, `unrecognised file format (Fovea reads ${names})`);
}
