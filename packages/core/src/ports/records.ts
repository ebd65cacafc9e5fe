/**
 * Plain records that repositories return and services map to API DTOs. Times are ISO-8601 UTC
 * strings; ids are integers; booleans are real booleans whatever the dialect stores.
 */
import type { GroupPermissions, PixelType, Privilege, ShapeGeometry } from "@fovea/model";

export interface UserRecord {
  id: number;
  username: string;
  fullName: string;
  email: string;
  passwordHash: string;
  isAdmin: boolean;
  privileges: Privilege[];
  defaultGroupId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupRecord {
  id: number;
  name: string;
  description: string;
  permissions: GroupPermissions;
  createdAt: string;
}

export interface MembershipRecord {
  groupId: number;
  userId: number;
  /** Group owners (OMERO's PIs) manage membership and may edit/delete members' data. */
  isOwner: boolean;
  permissions: GroupPermissions;
}

export type SessionKind = "token" | "cookie" | "job";

export interface SessionRecord {
  id: number;
  tokenHash: string;
  userId: number;
  groupId: number | null;
  kind: SessionKind;
  csrfToken: string | null;
  createdAt: string;
  expiresAt: string;
}

/** What access decisions need to know about any object. */
export interface Ownership {
  ownerId: number;
  groupId: number;
}

export type ContainerKind = "project" | "dataset" | "image";

export interface ContainerRecord extends Ownership {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

export type { PixelType };

export interface ChannelRecord {
  index: number;
  name: string;
  /** `RRGGBB` hex, no leading `#`. */
  color: string;
  emissionWavelength: number | null;
  windowStart: number | null;
  windowEnd: number | null;
  min: number | null;
  max: number | null;
}

/** Image metadata (SPEC §2). Pixels live in the pixel store; `storeKey` names them there. */
export interface ImageMeta {
  sizeX: number;
  sizeY: number;
  sizeZ: number;
  sizeC: number;
  sizeT: number;
  pixelType: PixelType;
  physicalSizeX: number | null;
  physicalSizeY: number | null;
  physicalSizeZ: number | null;
  /** Unit symbol of the physical sizes, `µm` by default. */
  physicalSizeUnit: string;
  /** Seconds between time points, when known. */
  timeIncrement: number | null;
  format: string | null;
  storeKey: string | null;
  acquisitionDate: string | null;
}

export interface ImageRecord extends ContainerRecord, ImageMeta {
  channels: ChannelRecord[];
}

export interface RoiRecord extends Ownership {
  id: number;
  imageId: number;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  shapes: ShapeRecord[];
}

export type ShapeRecord = ShapeGeometry & {
  id: number;
  roiId: number;
  z: number | null;
  t: number | null;
  c: number | null;
  text: string | null;
  strokeColor: string | null;
  strokeWidth: number | null;
  fillColor: string | null;
};

export type AnnotationKind = "file" | "tag" | "comment" | "map";

export interface AnnotationRecord extends Ownership {
  id: number;
  kind: AnnotationKind;
  namespace: string | null;
  description: string;
  /** Tag value or comment text. */
  textValue: string | null;
  /** Ordered key/value pairs of a Map annotation. */
  mapValue: [string, string][] | null;
  fileName: string | null;
  mimeType: string | null;
  fileSize: number | null;
  sha256: string | null;
  /** Where the FileStore keeps the bytes. */
  storageKey: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Object kinds annotations may be linked to. */
export type AnnotatableKind = "project" | "dataset" | "image" | "roi";

export interface LinkRecord extends Ownership {
  id: number;
  parentId: number;
  childId: number;
  createdAt: string;
}

/** A file an image was imported from (kept byte for byte in the FileStore). */
export interface OriginalFileRecord extends Ownership {
  id: number;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  storageKey: string;
  createdAt: string;
}
