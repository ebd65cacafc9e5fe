/** `fovea roi add`, `fovea roi ls`: ROIs on an image. */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { FoveaError, isFoveaError } from "@fovea/model";
import { listAll, type RoiDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { parseRefArg } from "../ref-args.ts";
import { parseRoiFile } from "../roi-file.ts";
import { tableOfRois } from "../describe.ts";

export function registerRoiCommands(program: Command, ctx: CliContext): void {
  const roi = program.command("roi").description("ROIs (regions of interest) on images");
  roi
    .command("add <image>")
    .description("add the ROI(s) of a JSON file to Image:ID")
    .requiredOption("--file <path>", "JSON: one ROI {name?, shapes: [...]} or an array of them")
    .action(async (imageArg: string, opts: { file: string }) => {
      const image = parseRefArg(imageArg, ["Image"] as const);
      const text = await readFile(opts.file, "utf8").catch((cause: Error) => {
        throw new FoveaError("FILE_UNREADABLE", `cannot read ${opts.file}: ${cause.message}`, { cause });
      });
      const inputs = parseRoiFile(text, opts.file);
      const client = await ctx.client();
      const created: RoiDto[] = [];
      // One request per ROI: the API has no batch route. A failure part-way names what was created.
      for (const [i, input] of inputs.entries()) {
        try {
          created.push(await client.rois.create(image.id, input));
        } catch (err) {
          if (created.length === 0 || !isFoveaError(err)) throw err;
          const done = created.map((r) => `Roi:${r.id}`).join(", ");
          throw new FoveaError(err.code, `ROI ${i + 1} of ${inputs.length}: ${err.message} (already created: ${done})`, { details: err.details, cause: err });
        }
      }
      ctx.out.result({ rois: created }, () => {
        const shapes = created.reduce((n, r) => n + r.shapes.length, 0);
        return `added ${created.length} ROI(s) with ${shapes} shape(s) to Image:${image.id}\n${tableOfRois(created)}`;
      });
    });

  roi
    .command("ls <image>")
    .description("list the ROIs of Image:ID with their shapes")
    .action(async (imageArg: string) => {
      const image = parseRefArg(imageArg, ["Image"] as const);
      const client = await ctx.client();
      const rois = await listAll<RoiDto>((page) => client.rois.list(image.id, page));
      ctx.out.result({ rois }, () => tableOfRois(rois));
    });
}
