/**
 * The plug-in seam of the file opener: one FormatReader per format. The opener probes the file
 * once (first KiB, size, directory or not) and asks every reader how well it recognises it.
 */
import type { OpenedFile } from "@fovea/core";

/** What the opener learnt about a path before choosing a reader. */
export interface FileProbe {
  readonly path: string;
  /** Lower-case base name, for extension tie-breaks (e.g. `toxo.ome.tif`). */
  readonly lowerName: string;
  readonly isDirectory: boolean;
  /** Size in bytes (0 for a directory). */
  readonly size: number;
  /** Up to the first 1024 bytes (empty for a directory). */
  readonly head: Uint8Array;
}

/**
 * How sure a reader is: 0 = not mine; 1 = the content matches (magic bytes, folder layout);
 * 2 = the content matches and so does the extension. The extension alone never scores.
 */
export type Recognition = 0 | 1 | 2;

export interface FormatReader {
  /** Short format name, as recorded on images (`DeltaVision`, `TIFF`, …). */
  readonly formatName: string;
  /** File-name endings this format uses, lower case, for tie-breaks and error messages. */
  readonly extensions: readonly string[];
  recognise(probe: FileProbe): Recognition | Promise<Recognition>;
  /** Opens and validates; errors are FoveaErrors naming the file (see reader-errors.ts). */
  open(probe: FileProbe, signal?: AbortSignal): Promise<OpenedFile>;
}

/** Whether the (lower-case) name ends with one of the extensions. */
export function hasExtension(lowerName: string, extensions: readonly string[]): boolean {
  return extensions.some((e) => lowerName.endsWith(e));
}

/** 1 for a content match, 2 when the extension agrees too. */
export function scoreMatch(matches: boolean, probe: FileProbe, extensions: readonly string[]): Recognition {
  if (!matches) return 0;
  return hasExtension(probe.lowerName, extensions) ? 2 : 1;
}
