/** Maps stored records to the API's DTOs (the shapes of @fovea/model's schemas). */
import {
  shapeArea, shapeLength,
  type AnnotationDto, type DatasetDto, type GroupDto, type ImageDto, type ProjectDto, type RoiDto, type ShapeDto,
  type UserDto,
} from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { permissionsOf } from "../access/access-policy.ts";
import type {
  AnnotationRecord, ContainerRecord, GroupRecord, ImageRecord, Repositories, RoiRecord, ShapeRecord, UserRecord,
} from "../ports/index.ts";

export async function toUserDto(repos: Repositories, user: UserRecord): Promise<UserDto> {
  const memberships = await repos.groups.membershipsOfUser(user.id);
  const groups = await Promise.all(memberships.map(async (m) => {
    const g = await repos.groups.findById(m.groupId);
    return { id: m.groupId, name: g?.name ?? "", permissions: m.permissions, isOwner: m.isOwner };
  }));
  return {
    type: "User", id: user.id, username: user.username, fullName: user.fullName, email: user.email,
    isAdmin: user.isAdmin, privileges: user.privileges, defaultGroupId: user.defaultGroupId, groups,
    createdAt: user.createdAt,
  };
}

export function toGroupDto(g: GroupRecord, members?: { id: number; username: string; isOwner: boolean }[]): GroupDto {
  const dto: GroupDto = { type: "Group", id: g.id, name: g.name, description: g.description, permissions: g.permissions, createdAt: g.createdAt };
  if (members) dto.members = members;
  return dto;
}

function owned(actor: Actor, r: ContainerRecord) {
  return {
    id: r.id, ownerId: r.ownerId, groupId: r.groupId, createdAt: r.createdAt, updatedAt: r.updatedAt,
    permissions: permissionsOf(actor, r), name: r.name, description: r.description,
  };
}

export function toProjectDto(actor: Actor, r: ContainerRecord): ProjectDto {
  return { type: "Project", ...owned(actor, r) };
}

export function toDatasetDto(actor: Actor, r: ContainerRecord): DatasetDto {
  return { type: "Dataset", ...owned(actor, r) };
}

export function toImageDto(actor: Actor, r: ImageRecord): ImageDto {
  return {
    type: "Image", ...owned(actor, r),
    sizeX: r.sizeX, sizeY: r.sizeY, sizeZ: r.sizeZ, sizeC: r.sizeC, sizeT: r.sizeT, pixelType: r.pixelType,
    physicalSizeX: r.physicalSizeX, physicalSizeY: r.physicalSizeY, physicalSizeZ: r.physicalSizeZ,
    physicalSizeUnit: r.physicalSizeUnit, timeIncrement: r.timeIncrement, format: r.format,
    acquisitionDate: r.acquisitionDate, channels: r.channels,
  };
}

/** Calibration that shape geometry is measured with. */
export interface Calibration {
  readonly x: number | null;
  readonly y: number | null;
  readonly unit: string;
}

export function toShapeDto(s: ShapeRecord, cal: Calibration): ShapeDto {
  const calibrated = cal.x !== null && cal.y !== null;
  const size = calibrated ? { x: cal.x ?? undefined, y: cal.y ?? undefined } : {};
  const length = shapeLength(s, size);
  const area = shapeArea(s, size);
  const dto: ShapeDto = { ...s, type: "Shape", unit: calibrated ? cal.unit : "pixels" };
  if (length !== undefined) dto.length = length;
  if (area !== undefined) dto.area = area;
  return dto;
}

export function toRoiDto(actor: Actor, r: RoiRecord, cal: Calibration): RoiDto {
  return {
    type: "Roi", id: r.id, ownerId: r.ownerId, groupId: r.groupId, createdAt: r.createdAt, updatedAt: r.updatedAt,
    permissions: permissionsOf(actor, r), imageId: r.imageId, name: r.name, description: r.description,
    shapes: r.shapes.map((s) => toShapeDto(s, cal)),
  };
}

export function toAnnotationDto(actor: Actor, a: AnnotationRecord): AnnotationDto {
  const common = {
    id: a.id, ownerId: a.ownerId, groupId: a.groupId, createdAt: a.createdAt, updatedAt: a.updatedAt,
    permissions: permissionsOf(actor, a), namespace: a.namespace, description: a.description,
  };
  switch (a.kind) {
    case "file":
      return {
        type: "FileAnnotation", ...common,
        file: { name: a.fileName ?? "", mimeType: a.mimeType ?? "application/octet-stream", size: a.fileSize ?? 0, sha256: a.sha256 ?? "" },
      };
    case "tag":
      return { type: "TagAnnotation", ...common, value: a.textValue ?? "" };
    case "comment":
      return { type: "CommentAnnotation", ...common, value: a.textValue ?? "" };
    case "map":
      return { type: "MapAnnotation", ...common, values: a.mapValue ?? [] };
  }
}
