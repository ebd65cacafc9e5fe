/**
 * The request and response types of /api/v1, derived from the model's TypeBox schemas so that the
 * client and the server cannot drift apart. Only types are imported: no schema code is bundled.
 */
import type { Static } from "typebox";
import type {
  AddMember, AnnotationDto, AnnotationListQuery, CreateAnnotation, CreateContainer, CreateGroup, CreateUser,
  DatasetDto, FileAnnotationDto, GroupDto, ImageDto, ListQuery, LoginBody, ObjectRef, ProjectDto, RoiDto,
  ShapeDto, ShapeInput, UpdateAnnotation, UpdateContainer, UpdateGroup, UpdateRoi, UpdateUser, UserDto,
  SessionInfoDto,
} from "@fovea/model";

export type {
  AnnotationDto, DatasetDto, FileAnnotationDto, GroupDto, ImageDto, ProjectDto, RoiDto, SessionInfoDto, ShapeDto,
  UserDto,
};

/** A page of a list endpoint: `items` plus the total across all pages. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** `?limit=&offset=` of every list endpoint. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

/** A parent–child link (Project→Dataset, Dataset→Image, object→annotation). */
export interface LinkDto {
  id: number;
  parent: ObjectRef;
  child: ObjectRef;
}

/** `GET /health`. */
export interface HealthDto {
  status: "ok";
  version: string;
  database: string;
}

export type LoginRequest = Static<typeof LoginBody>;
export type CreateUserRequest = Static<typeof CreateUser>;
export type UpdateUserRequest = Static<typeof UpdateUser>;
export type CreateGroupRequest = Static<typeof CreateGroup>;
export type UpdateGroupRequest = Static<typeof UpdateGroup>;
export type AddMemberRequest = Static<typeof AddMember>;
export type CreateContainerRequest = Static<typeof CreateContainer>;
export type UpdateContainerRequest = Static<typeof UpdateContainer>;
export type ContainerListQuery = Static<typeof ListQuery>;
export type UpdateRoiRequest = Static<typeof UpdateRoi>;
export type CreateAnnotationRequest = Static<typeof CreateAnnotation>;
export type UpdateAnnotationRequest = Static<typeof UpdateAnnotation>;
export type AnnotationQuery = Static<typeof AnnotationListQuery>;

/**
 * An ROI to create. Typed with the model's shape union rather than the loose API schema, so that
 * TypeScript callers get each kind's geometry fields checked.
 */
export interface CreateRoiRequest {
  name?: string;
  description?: string;
  shapes: readonly ShapeInput[];
}
