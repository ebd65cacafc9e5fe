/**
 * `fovea import PATH… [-d Dataset:ID] [--name NAME]`: uploads files (or folders) and prints
 * `Image:ID` for each image created. A folder is walked; an OME-Zarr folder is one upload. In a
 * walked folder, files of a format Fovea does not read are skipped with a note; a file named
 * explicitly that cannot be imported is an error. Every path is tried; the exit code is 1 when
 * any failed.
 */
import { readdir, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import type { Command } from "commander";
import type { ImageDto, ImportFile } from "@fovea/client";
import { FoveaError, isFoveaError } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { errorEnvelope } from "../output.ts";
import { parseRefArg } from "../ref-args.ts";

interface Upload {
  /** What the user will recognise in messages. */
  label: string;
  files: ImportFile[];
  /** Found by walking a folder (unsupported formats are skipped, not failures). */
  walked: boolean;
}

const ZARR_MARKERS = [".zattrs", ".zgroup", "zarr.json"];

async function isZarrFolder(dir: string): Promise<boolean> {
  const names = await readdir(dir);
  return ZARR_MARKERS.some((m) => names.includes(m));
}

async function filesBelow(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesBelow(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out.sort();
}

/** Turns the command's paths into uploads: single files, OME-Zarr folders, and walked folders. */
export async function planUploads(paths: readonly string[]): Promise<Upload[]> {
  const uploads: Upload[] = [];
  const visit = async (path: string, walked: boolean): Promise<void> => {
    const info = await stat(path);
    if (info.isFile()) {
      uploads.push({ label: path, files: [{ path, name: basename(path) }], walked });
    } else if (info.isDirectory()) {
      if (await isZarrFolder(path)) {
        const top = basename(path);
        const files = (await filesBelow(path)).map((f) => ({ path: f, name: [top, ...relative(path, f).split(sep)].join("/") }));
        uploads.push({ label: path, files, walked });
        return;
      }
      for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith(".")) continue;
        await visit(join(path, entry.name), true);
      }
    }
  };
  for (const p of paths) await visit(p, false);
  return uploads;
}

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command("import <paths...>")
    .description("import image files or folders (OME-Zarr folders as one image set); prints Image:ID per image")
    .option("-d, --dataset <ref>", "put the images in this dataset (Dataset:ID)")
    .option("--name <name>", "name the image(s) instead of using the file name")
    .action(async (paths: string[], opts: { dataset?: string; name?: string }) => {
      const datasetId = opts.dataset === undefined ? undefined : parseRefArg(opts.dataset, ["Dataset"] as const).id;
      const client = await ctx.client();
      const images: ImageDto[] = [];
      const errors: { path: string; error: ReturnType<typeof errorEnvelope>["error"] }[] = [];
      const skipped: string[] = [];
      for (const upload of await planUploads(paths)) {
        try {
          const res = await client.pixels.importFiles(upload.files, { datasetId, name: opts.name });
          images.push(...res.images);
          if (!ctx.out.json) for (const img of res.images) ctx.io.stdout.write(`Image:${img.id}\n`);
        } catch (err) {
          if (upload.walked && isFoveaError(err, "UNSUPPORTED_FORMAT")) {
            skipped.push(upload.label);
            ctx.out.note(`skipped ${upload.label}: ${err.message}`);
            continue;
          }
          errors.push({ path: upload.label, error: errorEnvelope(err).error });
          ctx.out.note(`error: ${upload.label}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const doc = { images: images.map((i) => ({ type: "Image", id: i.id, name: i.name })), ...(errors.length > 0 && { errors }), ...(skipped.length > 0 && { skipped }) };
      ctx.out.result(doc, "");
      if (errors.length > 0) {
        // The result above stays the one JSON document; this makes the exit code 1.
        throw new FoveaError(errors[0]!.error.code, `${errors.length} of ${errors.length + images.length + skipped.length} imports failed`);
      }
    });
}
