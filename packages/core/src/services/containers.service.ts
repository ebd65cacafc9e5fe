/**
 * Projects ⊃ Datasets ⊃ Images (SPEC §2): create, read, list (with paging and visibility),
 * update, delete, and the many-to-many links between them.
 */
import { FoveaError, type DatasetDto, type ImageDto, type ProjectDto } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { can, visibilityOf } from "../access/access-policy.ts";
import { requireAccess, targetGroup } from "../access/guard.ts";
import type { ContainerKind, ContainerRecord, ImageRecord, LinkRecord, Page, PageResult } from "../ports/index.ts";
import type { NewImage } from "../ports/repositories.port.ts";
import { toDatasetDto, toImageDto, toProjectDto } from "./dto.ts";
import type { ServiceDeps } from "./ports.ts";

export type ContainerDto = ProjectDto | DatasetDto | ImageDto;

const LABEL: Record<ContainerKind, string> = { project: "Project", dataset: "Dataset", image: "Image" };
/** Which kind is the child of which parent in a link. */
const CHILD_OF = { project: "dataset", dataset: "image" } as const;

export interface ListFilter {
  groupId?: number | undefined;
  ownerId?: number | undefined;
  orphaned?: boolean | undefined;
}

export interface LinkDto {
  id: number;
  parent: { type: "Project" | "Dataset"; id: number };
  child: { type: "Dataset" | "Image"; id: number };
}

export class ContainersService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, kind: "project" | "dataset", input: { name: string; description?: string | undefined; groupId?: number | undefined }): Promise<ContainerDto> {
    const groupId = targetGroup(actor, input.groupId);
    const row = await this.deps.repos.containers.insert(kind, {
      name: input.name, description: input.description ?? "", ownerId: actor.userId, groupId,
    });
    return this.#dto(actor, kind, row);
  }

  /**
   * Records a new image's metadata (import calls this once the pixels are stored). The image
   * belongs to the actor, in the requested or active group.
   */
  async createImage(actor: Actor, input: Omit<NewImage, "ownerId" | "groupId"> & { groupId?: number | undefined }): Promise<ImageDto> {
    const groupId = targetGroup(actor, input.groupId);
    const row = await this.deps.repos.containers.insertImage({ ...input, ownerId: actor.userId, groupId });
    return toImageDto(actor, row);
  }

  async get(actor: Actor, kind: ContainerKind, id: number): Promise<ContainerDto> {
    const row = kind === "image" ? await this.deps.repos.containers.findImage(id) : await this.deps.repos.containers.findById(kind, id);
    return this.#dto(actor, kind, requireAccess(actor, "read", row, `${LABEL[kind]} ${id}`));
  }

  async list(actor: Actor, kind: ContainerKind, filter: ListFilter, page: Page): Promise<PageResult<ContainerDto>> {
    const res = await this.deps.repos.containers.list(kind, {
      scope: visibilityOf(actor),
      ...(filter.groupId !== undefined && { groupId: filter.groupId }),
      ...(filter.ownerId !== undefined && { ownerId: filter.ownerId }),
      ...(filter.orphaned !== undefined && { orphaned: filter.orphaned }),
    }, page);
    return this.#page(actor, kind, res);
  }

  /**
   * The projects a dataset sits in, or the datasets holding an image, that the actor may see (the
   * web UI's way back from an image to its dataset, and from a dataset to its project).
   */
  async parents(actor: Actor, kind: "dataset" | "image", id: number): Promise<ContainerDto[]> {
    const child = kind === "image" ? await this.deps.repos.containers.findImage(id) : await this.deps.repos.containers.findById(kind, id);
    requireAccess(actor, "read", child, `${LABEL[kind]} ${id}`);
    const parentKind = kind === "image" ? "dataset" : "project";
    const out: ContainerDto[] = [];
    for (const parentId of await this.deps.repos.containers.parentIds(kind, id)) {
      const row = await this.deps.repos.containers.findById(parentKind, parentId);
      if (row && can(actor, "read", row)) out.push(await this.#dto(actor, parentKind, row));
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The datasets of a project, or the images of a dataset, that the actor may see. */
  async children(actor: Actor, kind: "project" | "dataset", id: number, page: Page): Promise<PageResult<ContainerDto>> {
    requireAccess(actor, "read", await this.deps.repos.containers.findById(kind, id), `${LABEL[kind]} ${id}`);
    const childKind = CHILD_OF[kind];
    const res = await this.deps.repos.containers.list(childKind, { scope: visibilityOf(actor), parentId: id }, page);
    return this.#page(actor, childKind, res);
  }

  async update(actor: Actor, kind: ContainerKind, id: number, patch: { name?: string | undefined; description?: string | undefined }): Promise<ContainerDto> {
    requireAccess(actor, "edit", await this.deps.repos.containers.findById(kind, id), `${LABEL[kind]} ${id}`);
    const changes: { name?: string; description?: string } = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    await this.deps.repos.containers.update(kind, id, changes);
    return this.get(actor, kind, id);
  }

  /** Deletes the object; children stay (orphaned), ROIs and links of an image go with it. */
  async delete(actor: Actor, kind: ContainerKind, id: number): Promise<void> {
    requireAccess(actor, "delete", await this.deps.repos.containers.findById(kind, id), `${LABEL[kind]} ${id}`);
    if (kind !== "image") return this.deps.repos.containers.delete(kind, id);
    // An image also owns its pixels and (unless another image shares them) its original files.
    const image = await this.deps.repos.containers.findImage(id);
    const originals = await this.deps.repos.originals.listByImage(id);
    const orphanKeys = await this.deps.repos.transaction(async (repos) => {
      await repos.containers.delete("image", id);
      return repos.originals.deleteUnreferenced(originals.map((o) => o.id));
    });
    // Bytes go after the rows: a crash in between leaves unreferenced bytes, never rows without bytes.
    await Promise.allSettled([
      ...(image?.storeKey ? [this.deps.pixels.delete(image.storeKey)] : []),
      ...orphanKeys.map((k) => this.deps.files.delete(k)),
    ]);
  }

  /**
   * Links a dataset into a project or an image into a dataset. Both must be in the same group,
   * and the actor needs the `link` right on both (its own data, or a read-write group).
   */
  async link(actor: Actor, kind: "project" | "dataset", parentId: number, childId: number): Promise<LinkDto> {
    const childKind = CHILD_OF[kind];
    const parent = requireAccess(actor, "read", await this.deps.repos.containers.findById(kind, parentId), `${LABEL[kind]} ${parentId}`);
    const child = requireAccess(actor, "read", await this.deps.repos.containers.findById(childKind, childId), `${LABEL[childKind]} ${childId}`);
    if (parent.groupId !== child.groupId) {
      throw new FoveaError("LINK_FORBIDDEN", `${LABEL[kind]} ${parentId} and ${LABEL[childKind]} ${childId} are in different groups`);
    }
    if (!can(actor, "link", parent) || !can(actor, "link", child)) {
      throw new FoveaError("LINK_FORBIDDEN", `This group's permissions do not let you link ${LABEL[childKind]} ${childId} into ${LABEL[kind]} ${parentId}`);
    }
    if (await this.deps.repos.containers.findLink(kind, parentId, childId)) {
      throw new FoveaError("CONFLICT", `${LABEL[childKind]} ${childId} is already in ${LABEL[kind]} ${parentId}`);
    }
    const link = await this.deps.repos.containers.insertLink(kind, { parentId, childId, ownerId: actor.userId, groupId: parent.groupId });
    return linkDto(kind, link);
  }

  /** Removes a link: its creator, or whoever may edit the parent, may do so. */
  async unlink(actor: Actor, kind: "project" | "dataset", parentId: number, childId: number): Promise<void> {
    const parent = requireAccess(actor, "read", await this.deps.repos.containers.findById(kind, parentId), `${LABEL[kind]} ${parentId}`);
    const link = await this.deps.repos.containers.findLink(kind, parentId, childId);
    if (!link) throw new FoveaError("NOT_FOUND", `${LABEL[CHILD_OF[kind]]} ${childId} is not in ${LABEL[kind]} ${parentId}`);
    if (!can(actor, "delete", link) && !can(actor, "edit", parent)) {
      throw new FoveaError("FORBIDDEN", `You may not unlink ${LABEL[CHILD_OF[kind]]} ${childId} from ${LABEL[kind]} ${parentId}`);
    }
    await this.deps.repos.containers.deleteLink(kind, link.id);
  }

  async #page(actor: Actor, kind: ContainerKind, res: PageResult<ContainerRecord>): Promise<PageResult<ContainerDto>> {
    if (kind !== "image") return { items: res.items.map((r) => this.#dtoSync(actor, kind, r)), total: res.total };
    // Lists of images carry full metadata; the repository returns ImageRecords for kind "image".
    return { items: res.items.map((r) => toImageDto(actor, r as ImageRecord)), total: res.total };
  }

  #dto(actor: Actor, kind: ContainerKind, row: ContainerRecord): ContainerDto {
    return kind === "image" ? toImageDto(actor, row as ImageRecord) : this.#dtoSync(actor, kind, row);
  }

  #dtoSync(actor: Actor, kind: "project" | "dataset", row: ContainerRecord): ContainerDto {
    return kind === "project" ? toProjectDto(actor, row) : toDatasetDto(actor, row);
  }
}

function linkDto(kind: "project" | "dataset", link: LinkRecord): LinkDto {
  return kind === "project"
    ? { id: link.id, parent: { type: "Project", id: link.parentId }, child: { type: "Dataset", id: link.childId } }
    : { id: link.id, parent: { type: "Dataset", id: link.parentId }, child: { type: "Image", id: link.childId } };
}
