/**
 * Repository ports: what the services need from persistent storage. @fovea/db implements them on
 * SQLite and PostgreSQL with the same code; one shared suite tests both. No access rules here:
 * services decide, repositories store.
 */
import type { GroupPermissions, Privilege, ShapeInput } from "@fovea/model";
import type {
  AnnotatableKind, AnnotationKind, AnnotationRecord, ChannelRecord, ContainerKind, ContainerRecord, GroupRecord,
  ImageMeta, ImageRecord, LinkRecord, MembershipRecord, OriginalFileRecord, Ownership, RoiRecord, SessionKind, SessionRecord, ShapeRecord,
  UserRecord,
} from "./records.ts";
import type { JobRepository, ScriptRepository } from "./scripts.port.ts";
import type { Page, PageResult, VisibilityScope } from "./visibility.ts";

export interface NewUser {
  username: string;
  fullName: string;
  email: string;
  passwordHash: string;
  isAdmin: boolean;
  privileges: Privilege[];
}

export interface UserRepository {
  insert(user: NewUser): Promise<UserRecord>;
  findById(id: number): Promise<UserRecord | undefined>;
  findByUsername(username: string): Promise<UserRecord | undefined>;
  list(page: Page): Promise<PageResult<UserRecord>>;
  update(id: number, patch: Partial<Pick<UserRecord, "fullName" | "email" | "passwordHash" | "isAdmin" | "privileges" | "defaultGroupId">>): Promise<UserRecord>;
  count(): Promise<number>;
}

export interface GroupRepository {
  insert(group: { name: string; description: string; permissions: GroupPermissions }): Promise<GroupRecord>;
  findById(id: number): Promise<GroupRecord | undefined>;
  findByName(name: string): Promise<GroupRecord | undefined>;
  list(page: Page): Promise<PageResult<GroupRecord>>;
  update(id: number, patch: Partial<Pick<GroupRecord, "name" | "description" | "permissions">>): Promise<GroupRecord>;
  /** Adds or updates a membership (idempotent). */
  addMember(groupId: number, userId: number, isOwner: boolean): Promise<void>;
  removeMember(groupId: number, userId: number): Promise<void>;
  membershipsOfUser(userId: number): Promise<MembershipRecord[]>;
  membersOfGroup(groupId: number): Promise<(MembershipRecord & { username: string })[]>;
}

export interface SessionRepository {
  /** `jobId` ties a job-scoped token (kind "job") to its job, so that deleteByJob revokes it. */
  insert(s: { tokenHash: string; userId: number; groupId: number | null; kind: SessionKind; csrfToken: string | null; createdAt: string; expiresAt: string; jobId?: number | null }): Promise<SessionRecord>;
  findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined>;
  setGroup(id: number, groupId: number): Promise<void>;
  deleteById(id: number): Promise<void>;
  deleteExpired(now: string): Promise<number>;
  /** Revokes the tokens of a job (when it ends); returns how many there were. */
  deleteByJob(jobId: number): Promise<number>;
}

/** Filters for listing projects, datasets and images. */
export interface ContainerFilter {
  readonly scope: VisibilityScope;
  readonly groupId?: number;
  readonly ownerId?: number;
  /** Children of this parent (project → datasets, dataset → images). */
  readonly parentId?: number;
  /** Only rows linked to no parent (datasets outside projects, images outside datasets). */
  readonly orphaned?: boolean;
}

export interface NewContainer extends Ownership {
  name: string;
  description: string;
}

export type NewImage = NewContainer & ImageMeta & { channels: ChannelRecord[] };

/** Projects, datasets and images share one repository: they differ only in images' metadata. */
export interface ContainerRepository {
  insert(kind: "project" | "dataset", row: NewContainer): Promise<ContainerRecord>;
  insertImage(row: NewImage): Promise<ImageRecord>;
  findById(kind: ContainerKind, id: number): Promise<ContainerRecord | undefined>;
  findImage(id: number): Promise<ImageRecord | undefined>;
  /** Lists rows; for kind "image" the items are full ImageRecords (metadata and channels). */
  list(kind: ContainerKind, filter: ContainerFilter, page: Page): Promise<PageResult<ContainerRecord>>;
  update(kind: ContainerKind, id: number, patch: { name?: string; description?: string }): Promise<ContainerRecord>;
  /** Deletes the row and every link, ROI and annotation link that hangs off it, in one transaction. */
  delete(kind: ContainerKind, id: number): Promise<void>;
  /** Links parent → child: project → dataset or dataset → image. */
  insertLink(kind: "project" | "dataset", link: Ownership & { parentId: number; childId: number }): Promise<LinkRecord>;
  findLink(kind: "project" | "dataset", parentId: number, childId: number): Promise<LinkRecord | undefined>;
  deleteLink(kind: "project" | "dataset", linkId: number): Promise<void>;
  /** Parents of a child (the projects of a dataset, the datasets of an image), visible or not. */
  parentIds(kind: "dataset" | "image", childId: number): Promise<number[]>;
}

export interface RoiRepository {
  insert(roi: Ownership & { imageId: number; name: string; description: string; shapes: readonly ShapeInput[] }): Promise<RoiRecord>;
  findById(id: number): Promise<RoiRecord | undefined>;
  listByImage(imageId: number, scope: VisibilityScope, page: Page): Promise<PageResult<RoiRecord>>;
  update(id: number, patch: { name?: string; description?: string }): Promise<RoiRecord>;
  delete(id: number): Promise<void>;
  addShapes(roiId: number, shapes: readonly ShapeInput[]): Promise<ShapeRecord[]>;
  findShape(id: number): Promise<ShapeRecord | undefined>;
  replaceShape(id: number, shape: ShapeInput): Promise<ShapeRecord>;
  deleteShape(id: number): Promise<void>;
}

/** An annotation as inserted: the record without what the database assigns. */
export type NewAnnotation = Omit<AnnotationRecord, "id" | "createdAt" | "updatedAt">;

export interface AnnotationFilter {
  readonly scope: VisibilityScope;
  readonly kind?: AnnotationKind;
  readonly namespace?: string;
  /** Only annotations linked to this object. */
  readonly linkedTo?: { kind: AnnotatableKind; id: number };
}

export interface AnnotationRepository {
  insert(a: NewAnnotation): Promise<AnnotationRecord>;
  findById(id: number): Promise<AnnotationRecord | undefined>;
  list(filter: AnnotationFilter, page: Page): Promise<PageResult<AnnotationRecord>>;
  update(id: number, patch: { namespace?: string | null; description?: string; textValue?: string; mapValue?: [string, string][] }): Promise<AnnotationRecord>;
  /** Deletes the annotation and its links. */
  delete(id: number): Promise<void>;
  insertLink(link: Ownership & { parentKind: AnnotatableKind; parentId: number; annotationId: number }): Promise<LinkRecord>;
  findLink(parentKind: AnnotatableKind, parentId: number, annotationId: number): Promise<LinkRecord | undefined>;
  deleteLink(linkId: number): Promise<void>;
}

export interface OriginalFileRepository {
  insert(f: Ownership & { name: string; mimeType: string; size: number; sha256: string; storageKey: string }): Promise<OriginalFileRecord>;
  attach(imageId: number, fileId: number): Promise<void>;
  findById(id: number): Promise<OriginalFileRecord | undefined>;
  listByImage(imageId: number): Promise<OriginalFileRecord[]>;
  /** Deletes those of `fileIds` that no image refers to any more; returns their storage keys. */
  deleteUnreferenced(fileIds: readonly number[]): Promise<string[]>;
}

/** Everything the services need from storage, plus a transaction boundary. */
export interface Repositories {
  readonly users: UserRepository;
  readonly groups: GroupRepository;
  readonly sessions: SessionRepository;
  readonly containers: ContainerRepository;
  readonly rois: RoiRepository;
  readonly annotations: AnnotationRepository;
  readonly originals: OriginalFileRepository;
  readonly scripts: ScriptRepository;
  readonly jobs: JobRepository;
  /** Runs `fn` with repositories bound to one transaction; rolls back when it throws. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
}
