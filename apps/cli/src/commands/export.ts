/**
 * `fovea export Image:ID [--format ome-tiff|ome-zarr] -o PATH`: any image, imported or generated,
 * as one OME-TIFF file or as an OME-Zarr folder (fetched file by file over the read-only
 * `/images/:id/zarr/…` routes, which is how community tools read it too).
 */
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import { FoveaError } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { parseRefArg } from "../ref-args.ts";
import { UsageError } from "../usage-error.ts";
import { progressBar, writeAtomically } from "../save-stream.ts";

async function refuseExisting(path: string): Promise<void> {
  if (await stat(path).catch(() => undefined)) throw new FoveaError("CONFLICT", `${path} already exists; choose another -o PATH`);
}

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command("export <image>")
    .description("export an image as OME-TIFF (one file) or OME-Zarr (a folder)")
    .option("--format <format>", "ome-tiff or ome-zarr", "ome-tiff")
    .requiredOption("-o, --output <path>", "file (OME-TIFF) or folder (OME-Zarr) to create")
    .action(async (refArg: string, opts: { format: string; output: string }) => {
      const { id } = parseRefArg(refArg, ["Image"] as const);
      if (opts.format !== "ome-tiff" && opts.format !== "ome-zarr") throw new UsageError(`--format must be ome-tiff or ome-zarr, not ${opts.format}`);
      const target = resolve(opts.output);
      await refuseExisting(target);
      const client = await ctx.client();
      if (opts.format === "ome-tiff") {
        const download = await client.pixels.exportOmeTiff(id);
        const bytes = await writeAtomically(download.body, target, ctx.out.json ? undefined : progressBar(ctx, download.size));
        ctx.out.result({ type: "Image", id, format: "ome-tiff", path: target, size: bytes }, `exported Image:${id} to ${target} (${bytes} bytes)`);
        return;
      }
      const manifest = await client.pixels.zarrManifest(id);
      // Build in a sibling folder and rename at the end: an interrupted export leaves no half folder.
      const partial = `${target}.part`;
      await rm(partial, { recursive: true, force: true });
      let bytes = 0;
      try {
        for (const file of manifest.files) {
          if (file.split("/").some((seg) => seg === ".." || seg === "")) throw new FoveaError("INTERNAL", `the server listed an unsafe path ${file}`);
          const path = join(partial, ...file.split("/"));
          await mkdir(dirname(path), { recursive: true });
          bytes += await writeAtomically((await client.pixels.zarrFile(id, file)).body, path, undefined);
        }
        await rename(partial, target);
      } catch (err) {
        await rm(partial, { recursive: true, force: true });
        throw err;
      }
      ctx.out.result({ type: "Image", id, format: "ome-zarr", path: target, files: manifest.files.length, size: bytes },
        `exported Image:${id} to ${target} (${manifest.files.length} files, ${bytes} bytes)`);
    });
}
