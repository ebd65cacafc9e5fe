/**
 * Building blocks for the /api/v1 schemas. One TypeBox schema gives the server its validation,
 * the OpenAPI document its types, and the client its static types.
 */
import Type, { type TSchema, type TProperties } from "typebox";
import { ERROR_CODES } from "../errors.ts";
import { LIMITS } from "../limits.ts";

/** An object schema that rejects unknown fields (request bodies must not carry silent typos). */
export function Strict<P extends TProperties>(properties: P, options: { description?: string } = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: "Object id" });
export const Name = Type.String({ minLength: 1, maxLength: LIMITS.NAME_MAX });
export const Description = Type.String({ maxLength: LIMITS.DESCRIPTION_MAX });
export const Timestamp = Type.String({ description: "ISO-8601 UTC time" });

export const IdParams = Strict({ id: Id });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.PAGE_MAX, default: LIMITS.PAGE_DEFAULT })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

/** A page of results. */
export function Paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: "Rows matching the filter, across all pages" }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });
}

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: "The error envelope of every failed request" },
);

/** What the current user may do with an object (computed by the access policy). */
export const Permissions = Type.Object({
  canEdit: Type.Boolean(),
  canDelete: Type.Boolean(),
  canAnnotate: Type.Boolean(),
  canLink: Type.Boolean(),
});

/** Fields every owned object carries. */
export const OwnedFields = {
  id: Id,
  ownerId: Id,
  groupId: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  permissions: Permissions,
};
