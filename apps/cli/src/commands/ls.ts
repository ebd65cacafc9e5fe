/** `fovea ls [Project:ID | Dataset:ID | Image:ID]`: browse the hierarchy. */
import type { Command } from "commander";
import { listAll, type DatasetDto, type FoveaClient, type ImageDto, type ProjectDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { parseRefArg } from "../ref-args.ts";
import { describeImage, tableOfContainers, tableOfImages } from "../describe.ts";

export function registerLsCommand(program: Command, ctx: CliContext): void {
  program
    .command("ls [ref]")
    .description("list projects and orphaned datasets; a Project's datasets; a Dataset's images; an Image's metadata")
    .action(async (refArg: string | undefined) => {
      const ref = refArg === undefined ? undefined : parseRefArg(refArg, ["Project", "Dataset", "Image"] as const);
      const client = await ctx.client();
      if (!ref) return listTop(ctx, client);
      if (ref.type === "Project") return listProject(ctx, client, ref.id);
      if (ref.type === "Dataset") return listDataset(ctx, client, ref.id);
      return showImage(ctx, client, ref.id);
    });
}

async function listTop(ctx: CliContext, client: FoveaClient): Promise<void> {
  const [projects, datasets] = await Promise.all([
    listAll<ProjectDto>((page) => client.projects.list(page)),
    listAll<DatasetDto>((page) => client.datasets.list({ ...page, orphaned: true })),
  ]);
  ctx.out.result({ projects, datasets }, () =>
    [`Projects (${projects.length})`, tableOfContainers(projects), "", `Orphaned datasets (${datasets.length})`, tableOfContainers(datasets)].join("\n"),
  );
}

async function listProject(ctx: CliContext, client: FoveaClient, id: number): Promise<void> {
  const [project, datasets] = await Promise.all([
    client.projects.get(id),
    listAll<DatasetDto>((page) => client.projects.datasets(id, page)),
  ]);
  ctx.out.result({ project, datasets }, () =>
    [`Project:${project.id} ${project.name}`, `Datasets (${datasets.length})`, tableOfContainers(datasets)].join("\n"),
  );
}

async function listDataset(ctx: CliContext, client: FoveaClient, id: number): Promise<void> {
  const [dataset, images] = await Promise.all([
    client.datasets.get(id),
    listAll<ImageDto>((page) => client.datasets.images(id, page)),
  ]);
  ctx.out.result({ dataset, images }, () =>
    [`Dataset:${dataset.id} ${dataset.name}`, `Images (${images.length})`, tableOfImages(images)].join("\n"),
  );
}

async function showImage(ctx: CliContext, client: FoveaClient, id: number): Promise<void> {
  // A one-item page is enough: only the total is wanted here.
  const [image, rois] = await Promise.all([client.images.get(id), client.rois.list(id, { limit: 1 })]);
  ctx.out.result({ image, roiCount: rois.total }, () => describeImage(image, rois.total));
}
