/**
 * Annotations (File, Tag, Comment, Map) and their links to projects, datasets, images and ROIs.
 * Linking an annotation to an object is the `annotate` right on that object plus `read` on the
 * annotation (in shared groups, members reuse each other's tags); both must be in one group.
 */
import { FoveaError, type AnnotatableType, type AnnotationDto } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { can, visibilityOf } from "../access/access-policy.ts";
import { requireAccess, targetGroup } from "../access/guard.ts";
import type { AnnotatableKind, AnnotationKind, AnnotationRecord, Ownership, Page, PageResult } from "../ports/index.ts";
import { toAnnotationDto } from "./dto.ts";
import type { ServiceDeps } from "./ports.ts";

const KIND_OF: Record<AnnotatableType, AnnotatableKind> = { Project: "project", Dataset: "dataset", Image: "image", Roi: "roi" };

export interface LinkTarget {
  type: AnnotatableType;
  id: number;
}

export interface CreateAnnotationInput {
  kind: "tag" | "comment" | "map";
  /** Tag or comment text. */
  value?: string | undefined;
  /** Map pairs. */
  values?: [string, string][] | undefined;
  namespace?: string | undefined;
  description?: string | undefined;
  groupId?: number | undefined;
  links?: LinkTarget[] | undefined;
}

/** The kind-specific rules the one body schema cannot express. */
function checkKindFields(input: CreateAnnotationInput): void {
  const issues: { field: string; message: string }[] = [];
  if (input.kind === "map") {
    if (input.values === undefined) issues.push({ field: "body.values", message: "is required for a map annotation" });
    if (input.value !== undefined) issues.push({ field: "body.value", message: "not allowed on a map annotation (use values)" });
  } else {
    if (input.value === undefined) issues.push({ field: "body.value", message: `is required for a ${input.kind} annotation` });
    else if (input.kind === "tag" && input.value.length > 255) issues.push({ field: "body.value", message: "a tag has at most 255 characters" });
    if (input.values !== undefined) issues.push({ field: "body.values", message: `not allowed on a ${input.kind} annotation (use value)` });
  }
  if (issues.length > 0) throw new FoveaError("VALIDATION_FAILED", `Invalid request: ${issues[0]!.field} ${issues[0]!.message}`, { details: issues });
}

export interface UploadInput {
  fileName: string;
  mimeType: string;
  body: AsyncIterable<Uint8Array>;
  namespace?: string | undefined;
  description?: string | undefined;
  groupId?: number | undefined;
  links?: LinkTarget[] | undefined;
}

export class AnnotationsService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: CreateAnnotationInput): Promise<AnnotationDto> {
    checkKindFields(input);
    const targets = await this.#checkTargets(actor, input.links ?? [], input.groupId);
    const groupId = targets[0]?.groupId ?? targetGroup(actor, input.groupId);
    return this.deps.repos.transaction(async (repos) => {
      const row = await repos.annotations.insert({
        kind: input.kind, namespace: input.namespace ?? null, description: input.description ?? "",
        textValue: input.kind === "map" ? null : (input.value ?? null), mapValue: input.kind === "map" ? (input.values ?? []) : null,
        fileName: null, mimeType: null, fileSize: null, sha256: null, storageKey: null,
        ownerId: actor.userId, groupId,
      });
      for (const t of targets) {
        await repos.annotations.insertLink({ parentKind: t.kind, parentId: t.id, annotationId: row.id, ownerId: actor.userId, groupId });
      }
      return toAnnotationDto(actor, row);
    });
  }

  /** Stores an uploaded file (bounded by maxUploadBytes) and records it as a File annotation. */
  async upload(actor: Actor, input: UploadInput): Promise<AnnotationDto> {
    const targets = await this.#checkTargets(actor, input.links ?? [], input.groupId);
    const groupId = targets[0]?.groupId ?? targetGroup(actor, input.groupId);
    const stored = await this.deps.files.put(input.body, this.deps.maxUploadBytes);
    try {
      return await this.deps.repos.transaction(async (repos) => {
        const row = await repos.annotations.insert({
          kind: "file", namespace: input.namespace ?? null, description: input.description ?? "",
          textValue: null, mapValue: null, fileName: input.fileName, mimeType: input.mimeType,
          fileSize: stored.size, sha256: stored.sha256, storageKey: stored.key, ownerId: actor.userId, groupId,
        });
        for (const t of targets) {
          await repos.annotations.insertLink({ parentKind: t.kind, parentId: t.id, annotationId: row.id, ownerId: actor.userId, groupId });
        }
        return toAnnotationDto(actor, row);
      });
    } catch (err) {
      await this.deps.files.delete(stored.key); // the row did not land: leave no orphaned bytes
      throw err;
    }
  }

  async get(actor: Actor, id: number): Promise<AnnotationDto> {
    return toAnnotationDto(actor, await this.#find(actor, "read", id));
  }

  /** The bytes of a File annotation, with the name and type to serve them under. */
  async download(actor: Actor, id: number): Promise<{ fileName: string; mimeType: string; size: number; body: AsyncIterable<Uint8Array> }> {
    const a = await this.#find(actor, "read", id);
    if (a.kind !== "file" || !a.storageKey) throw new FoveaError("NOT_FOUND", `Annotation ${id} is not a file annotation`);
    return { fileName: a.fileName ?? `file-${id}`, mimeType: a.mimeType ?? "application/octet-stream", size: a.fileSize ?? 0, body: this.deps.files.open(a.storageKey) };
  }

  async list(actor: Actor, filter: { kind?: AnnotationKind | undefined; namespace?: string | undefined }, page: Page): Promise<PageResult<AnnotationDto>> {
    const res = await this.deps.repos.annotations.list({
      scope: visibilityOf(actor),
      ...(filter.kind !== undefined && { kind: filter.kind }),
      ...(filter.namespace !== undefined && { namespace: filter.namespace }),
    }, page);
    return { items: res.items.map((a) => toAnnotationDto(actor, a)), total: res.total };
  }

  async listLinked(actor: Actor, target: LinkTarget, page: Page): Promise<PageResult<AnnotationDto>> {
    await this.#target(actor, "read", target);
    const res = await this.deps.repos.annotations.list({ scope: visibilityOf(actor), linkedTo: { kind: KIND_OF[target.type], id: target.id } }, page);
    return { items: res.items.map((a) => toAnnotationDto(actor, a)), total: res.total };
  }

  async update(actor: Actor, id: number, patch: { namespace?: string | null | undefined; description?: string | undefined; value?: string | undefined; values?: [string, string][] | undefined }): Promise<AnnotationDto> {
    const a = await this.#find(actor, "edit", id);
    if (patch.value !== undefined && a.kind !== "tag" && a.kind !== "comment") {
      throw new FoveaError("VALIDATION_FAILED", "`value` applies to tag and comment annotations", { details: [{ field: "body.value", message: `not allowed on a ${a.kind} annotation` }] });
    }
    if (patch.values !== undefined && a.kind !== "map") {
      throw new FoveaError("VALIDATION_FAILED", "`values` applies to map annotations", { details: [{ field: "body.values", message: `not allowed on a ${a.kind} annotation` }] });
    }
    const changes: { namespace?: string | null; description?: string; textValue?: string; mapValue?: [string, string][] } = {};
    if (patch.namespace !== undefined) changes.namespace = patch.namespace;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.value !== undefined) changes.textValue = patch.value;
    if (patch.values !== undefined) changes.mapValue = patch.values;
    return toAnnotationDto(actor, await this.deps.repos.annotations.update(id, changes));
  }

  async delete(actor: Actor, id: number): Promise<void> {
    const a = await this.#find(actor, "delete", id);
    await this.deps.repos.annotations.delete(id);
    if (a.storageKey) await this.deps.files.delete(a.storageKey);
  }

  async link(actor: Actor, target: LinkTarget, annotationId: number): Promise<{ id: number; parent: LinkTarget; child: { type: AnnotationDto["type"]; id: number } }> {
    const annotation = await this.#find(actor, "read", annotationId);
    const [t] = await this.#checkTargets(actor, [target], annotation.groupId);
    if (await this.deps.repos.annotations.findLink(t!.kind, target.id, annotationId)) {
      throw new FoveaError("CONFLICT", `Annotation ${annotationId} is already linked to ${target.type} ${target.id}`);
    }
    const link = await this.deps.repos.annotations.insertLink({ parentKind: t!.kind, parentId: target.id, annotationId, ownerId: actor.userId, groupId: annotation.groupId });
    return { id: link.id, parent: target, child: { type: toAnnotationDto(actor, annotation).type, id: annotationId } };
  }

  /** Removes a link: its creator, the annotation's owner, or whoever may edit the object may. */
  async unlink(actor: Actor, target: LinkTarget, annotationId: number): Promise<void> {
    const obj = await this.#target(actor, "read", target);
    const link = await this.deps.repos.annotations.findLink(KIND_OF[target.type], target.id, annotationId);
    if (!link || !can(actor, "read", link)) throw new FoveaError("NOT_FOUND", `Annotation ${annotationId} is not linked to ${target.type} ${target.id}`);
    const annotation = await this.deps.repos.annotations.findById(annotationId);
    const allowed = can(actor, "delete", link) || can(actor, "edit", obj) || (annotation !== undefined && can(actor, "edit", annotation));
    if (!allowed) throw new FoveaError("FORBIDDEN", `You may not unlink annotation ${annotationId} from ${target.type} ${target.id}`);
    await this.deps.repos.annotations.deleteLink(link.id);
  }

  /** Checks that every target can be annotated and that all sit in one group (the annotation's). */
  async #checkTargets(actor: Actor, links: LinkTarget[], groupId: number | undefined): Promise<(Ownership & { kind: AnnotatableKind; id: number })[]> {
    const out: (Ownership & { kind: AnnotatableKind; id: number })[] = [];
    for (const t of links) {
      const obj = await this.#target(actor, "annotate", t);
      const expected = groupId ?? out[0]?.groupId;
      if (expected !== undefined && obj.groupId !== expected) {
        throw new FoveaError("LINK_FORBIDDEN", `${t.type} ${t.id} is in another group than the annotation`);
      }
      out.push({ kind: KIND_OF[t.type], id: t.id, ownerId: obj.ownerId, groupId: obj.groupId });
    }
    return out;
  }

  async #target(actor: Actor, action: "read" | "annotate", t: LinkTarget): Promise<Ownership> {
    const kind = KIND_OF[t.type];
    const obj = kind === "roi" ? await this.deps.repos.rois.findById(t.id) : await this.deps.repos.containers.findById(kind, t.id);
    return requireAccess(actor, action, obj, `${t.type} ${t.id}`);
  }

  async #find(actor: Actor, action: "read" | "edit" | "delete", id: number): Promise<AnnotationRecord> {
    return requireAccess(actor, action, await this.deps.repos.annotations.findById(id), `Annotation ${id}`);
  }
}
