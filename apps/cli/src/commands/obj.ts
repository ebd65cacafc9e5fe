/** `fovea obj new`, `fovea obj link`: create containers and link objects. */
import type { Command } from "commander";
import { ANNOTATABLE_TYPES, formatRef, type AnnotatableType, type ObjectRef } from "@fovea/model";
import type { FoveaClient, LinkDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { parseKeyValues } from "../key-value.ts";
import { parseRefArg } from "../ref-args.ts";
import { UsageError } from "../usage-error.ts";

const NEW_KEYS = ["name", "description", "groupId"] as const;
const ANNOTATION_TYPES = ["FileAnnotation", "TagAnnotation", "CommentAnnotation", "MapAnnotation"] as const;
const LINKABLE = ["Project", "Dataset", "Image", "Roi", ...ANNOTATION_TYPES] as const;

/** Which route a `parent child` pair goes to. */
export type LinkPlan =
  | { kind: "project-dataset"; projectId: number; datasetId: number }
  | { kind: "dataset-image"; datasetId: number; imageId: number }
  | { kind: "annotation"; target: ObjectRef<AnnotatableType>; annotationId: number };

export function registerObjCommands(program: Command, ctx: CliContext): void {
  const obj = program.command("obj").description("create and link objects");
  obj
    .command("new <type> [fields...]")
    .description("create a Project or Dataset: fovea obj new Dataset name=NAME [description=TEXT] [groupId=ID]")
    .action(async (typeArg: string, fields: string[]) => {
      const type = containerType(typeArg);
      const body = newContainerBody(fields);
      const client = await ctx.client();
      const created = type === "Project" ? await client.projects.create(body) : await client.datasets.create(body);
      ctx.out.result(created, `${created.type}:${created.id} ${created.name}`);
    });

  obj
    .command("link <parent> <child>")
    .description("link Project:ID Dataset:ID, Dataset:ID Image:ID, or an object to an annotation (X:ID TagAnnotation:ID)")
    .action(async (parentArg: string, childArg: string) => {
      const parent = parseRefArg(parentArg, LINKABLE);
      const child = parseRefArg(childArg, LINKABLE);
      const plan = planLink(parent, child);
      const client = await ctx.client();
      const link = await createLink(client, plan);
      ctx.out.result(link, `linked ${formatRef(parent)} → ${formatRef(child)}`);
    });
}

function containerType(text: string): "Project" | "Dataset" {
  const t = text.toLowerCase();
  if (t === "project") return "Project";
  if (t === "dataset") return "Dataset";
  if (t === "image") throw new UsageError("images are created by importing files (`fovea import`), not by `obj new`");
  throw new UsageError(`cannot create "${text}"; expected Project or Dataset`);
}

/** KEY=VALUE fields of `obj new`; `name` is required. */
export function newContainerBody(fields: readonly string[]): { name: string; description?: string; groupId?: number } {
  const kv = parseKeyValues(fields, NEW_KEYS);
  const name = kv.get("name");
  if (name === undefined || name.trim() === "") throw new UsageError("name=NAME is required");
  const body: { name: string; description?: string; groupId?: number } = { name };
  const description = kv.get("description");
  if (description !== undefined) body.description = description;
  const groupId = kv.get("groupId");
  if (groupId !== undefined) {
    if (!/^\d{1,15}$/.test(groupId) || Number(groupId) < 1) throw new UsageError(`groupId must be a positive whole number, got "${groupId}"`);
    body.groupId = Number(groupId);
  }
  return body;
}

/** Picks the route for a pair of refs; the order is parent then child, as in OMERO's `obj link`. */
export function planLink(parent: ObjectRef, child: ObjectRef): LinkPlan {
  if ((ANNOTATION_TYPES as readonly string[]).includes(child.type)) {
    if (!(ANNOTATABLE_TYPES as readonly string[]).includes(parent.type)) throw badPair(parent, child);
    return { kind: "annotation", target: parent as ObjectRef<AnnotatableType>, annotationId: child.id };
  }
  if (parent.type === "Project" && child.type === "Dataset") return { kind: "project-dataset", projectId: parent.id, datasetId: child.id };
  if (parent.type === "Dataset" && child.type === "Image") return { kind: "dataset-image", datasetId: parent.id, imageId: child.id };
  throw badPair(parent, child);
}

function createLink(client: FoveaClient, plan: LinkPlan): Promise<LinkDto> {
  switch (plan.kind) {
    case "project-dataset": return client.projects.linkDataset(plan.projectId, plan.datasetId);
    case "dataset-image": return client.datasets.linkImage(plan.datasetId, plan.imageId);
    case "annotation": return client.annotations.link(plan.target, plan.annotationId);
  }
}

function badPair(parent: ObjectRef, child: ObjectRef): UsageError {
  const hint = isReversedPair(parent, child) ? `; the parent comes first: fovea obj link ${formatRef(child)} ${formatRef(parent)}` : "";
  return new UsageError(`cannot link ${formatRef(parent)} to ${formatRef(child)}: links are Project→Dataset, Dataset→Image or object→annotation${hint}`);
}

function isReversedPair(parent: ObjectRef, child: ObjectRef): boolean {
  const isAnnotation = (r: ObjectRef): boolean => (ANNOTATION_TYPES as readonly string[]).includes(r.type);
  if (isAnnotation(parent)) return (ANNOTATABLE_TYPES as readonly string[]).includes(child.type);
  return (parent.type === "Dataset" && child.type === "Project") || (parent.type === "Image" && child.type === "Dataset");
}
