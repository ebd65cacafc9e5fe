/** `fovea download FileAnnotation:ID [-o PATH]`: stream an attached file to disk. */
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import { FoveaError } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { parseRefArg } from "../ref-args.ts";
import { safeFileName } from "../safe-file-name.ts";

export function registerDownloadCommand(program: Command, ctx: CliContext): void {
  program
    .command("download <ref>")
    .description("download a FileAnnotation's file (Image:ID original files: once pixel import lands)")
    .option("-o, --output <path>", "file to write, or a directory to write into (default: the server's file name here)")
    .action(async (refArg: string, opts: { output?: string }) => {
      const ref = parseRefArg(refArg, ["FileAnnotation", "Image"] as const);
      if (ref.type === "Image") {
        throw new FoveaError("NOT_FOUND", `downloading Image:${ref.id}'s original files is not available until pixel import lands`);
      }
      const client = await ctx.client();
      const download = await client.downloadAnnotation(ref.id);
      const fileName = safeFileName(download.fileName, `annotation-${ref.id}`);
      const target = await targetPath(opts.output, fileName);
      const bytes = await writeAtomically(download.body, target, ctx.out.json ? undefined : progressBar(ctx, download.size));
      ctx.out.result({ type: "FileAnnotation", id: ref.id, path: target, size: bytes, fileName: download.fileName }, `saved ${target} (${bytes} bytes)`);
    });
}

/** `-o DIR` writes into it, `-o FILE` overwrites it; without `-o`, an existing file is never replaced. */
async function targetPath(output: string | undefined, fileName: string): Promise<string> {
  if (output !== undefined) {
    const info = await stat(output).catch(() => undefined);
    return resolve(info?.isDirectory() ? join(output, fileName) : output);
  }
  const target = resolve(fileName);
  if (await stat(target).catch(() => undefined)) {
    throw new FoveaError("CONFLICT", `${target} already exists; choose another name with -o PATH`);
  }
  return target;
}

/**
 * Streams into `target.part` and renames at the end, so that an interrupted download never leaves
 * a truncated file under the real name.
 */
async function writeAtomically(body: ReadableStream<Uint8Array>, target: string, bar: SingleBar | undefined): Promise<number> {
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
function progressBar(ctx: CliContext, size: number | undefined): SingleBar | undefined {
  if (!ctx.io.stderr.isTTY || size === undefined) return undefined;
  const bar = new SingleBar({ stream: ctx.io.stderr, format: "{bar} {percentage}% {value}/{total} bytes", hideCursor: true });
  bar.start(size, 0);
  return bar;
}
