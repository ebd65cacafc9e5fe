/**
 * `fovea download FileAnnotation:ID|Image:ID [-o PATH]`: stream an attached file, or the original
 * file(s) an image was imported from, to disk.
 */
import { stat } from "node:fs/promises";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { FoveaError } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { parseRefArg } from "../ref-args.ts";
import { safeFileName } from "../safe-file-name.ts";
import { progressBar, writeAtomically } from "../save-stream.ts";

export function registerDownloadCommand(program: Command, ctx: CliContext): void {
  program
    .command("download <ref>")
    .description("download a FileAnnotation's file, or the original file(s) of an Image")
    .option("-o, --output <path>", "file to write, or a directory to write into (default: the server's file name here)")
    .action(async (refArg: string, opts: { output?: string }) => {
      const ref = parseRefArg(refArg, ["FileAnnotation", "Image"] as const);
      if (ref.type === "Image") {
        await downloadOriginals(ctx, ref.id, opts.output);
        return;
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


/** One original file goes where -o says; the files of a folder import go into a folder. */
async function downloadOriginals(ctx: CliContext, imageId: number, output: string | undefined): Promise<void> {
  const client = await ctx.client();
  const files = await client.pixels.originals(imageId);
  if (files.length === 0) throw new FoveaError("NOT_FOUND", `Image:${imageId} has no original file (it was generated, not imported)`);
  if (files.length === 1) {
    const file = files[0]!;
    const download = await client.pixels.downloadOriginal(imageId, file.id);
    const target = await targetPath(output, safeFileName(file.name.split("/").pop() ?? file.name, `image-${imageId}`));
    const bytes = await writeAtomically(download.body, target, ctx.out.json ? undefined : progressBar(ctx, download.size));
    ctx.out.result({ type: "Image", id: imageId, files: [{ path: target, size: bytes, name: file.name }] }, `saved ${target} (${bytes} bytes)`);
    return;
  }
  const root = resolve(output ?? ".");
  const saved: { path: string; size: number; name: string }[] = [];
  for (const file of files) {
    // Relative names come from the server; keep only safe segments so nothing lands outside root.
    const segments = file.name.split("/").filter((seg) => seg !== "" && seg !== "." && seg !== "..").map((seg) => safeFileName(seg, "file"));
    const target = join(root, ...segments);
    await mkdir(dirname(target), { recursive: true });
    const download = await client.pixels.downloadOriginal(imageId, file.id);
    saved.push({ path: target, size: await writeAtomically(download.body, target, undefined), name: file.name });
  }
  ctx.out.result({ type: "Image", id: imageId, files: saved }, `saved ${saved.length} files under ${root}`);
}
