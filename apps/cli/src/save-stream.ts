/** Saving a download to disk: atomically (a `.part` file renamed at the end) with a progress bar. */
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { SingleBar } from "cli-progress";
import { FoveaError } from "@fovea/model";
import type { CliContext } from "./cli-context.ts";

/**
 * Streams into `target.part` and renames at the end, so that an interrupted download never leaves
 * a truncated file under the real name.
 */
export async function writeAtomically(body: ReadableStream<Uint8Array>, target: string, bar: SingleBar | undefined): Promise<number> {
  const partial = `${target}.part`;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      bar?.update(bytes);
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), counter, createWriteStream(partial));
    await rename(partial, target);
  } catch (err) {
    await rm(partial, { force: true });
    throw new FoveaError("INTERNAL", `download to ${target} failed: ${(err as Error).message}`, { cause: err });
  } finally {
    bar?.stop();
  }
  return bytes;
}

/** A progress bar on stderr, only for a terminal and when the size is known. */
export function progressBar(ctx: CliContext, size: number | undefined): SingleBar | undefined {
  if (!ctx.io.stderr.isTTY || size === undefined) return undefined;
  const bar = new SingleBar({ stream: ctx.io.stderr, format: "{bar} {percentage}% {value}/{total} bytes", hideCursor: true });
  bar.start(size, 0);
  return bar;
}
