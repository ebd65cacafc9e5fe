/** Annotations (File, Tag, Comment, Map) and their links to objects. */
import Type, { type Static } from "typebox";
import { LIMITS } from "../limits.ts";
import { Description, Id, OwnedFields, PageQuery, Strict } from "./common.schema.ts";

export const ANNOTATABLE_TYPES = ["Project", "Dataset", "Image", "Roi"] as const;
export type AnnotatableType = (typeof ANNOTATABLE_TYPES)[number];

const Namespace = Type.String({ maxLength: 255 });
const Common = { ...OwnedFields, namespace: Type.Union([Type.String(), Type.Null()]), description: Type.String() };

export const FileAnnotation = Type.Object({
  type: Type.Literal("FileAnnotation"), ...Common,
  file: Type.Object({ name: Type.String(), mimeType: Type.String(), size: Type.Integer(), sha256: Type.String() }),
});
export const TagAnnotation = Type.Object({ type: Type.Literal("TagAnnotation"), ...Common, value: Type.String() });
export const CommentAnnotation = Type.Object({ type: Type.Literal("CommentAnnotation"), ...Common, value: Type.String() });
const MapPairs = Type.Array(Type.Tuple([Type.String({ maxLength: 1000 }), Type.String({ maxLength: LIMITS.TEXT_MAX })]), {
  maxItems: LIMITS.MAP_ENTRIES_MAX,
  description: "Ordered [key, value] pairs",
});
export const MapAnnotation = Type.Object({ type: Type.Literal("MapAnnotation"), ...Common, values: MapPairs });
export const Annotation = Type.Union([FileAnnotation, TagAnnotation, CommentAnnotation, MapAnnotation]);

const LinkTarget = Strict({ type: Type.Enum(ANNOTATABLE_TYPES), id: Id });

/**
 * One body form for all three kinds (a union would report every form's errors at once); the
 * service checks that a tag or comment has `value` and a map has `values`.
 */
export const CreateAnnotation = Strict({
  kind: Type.Enum(["tag", "comment", "map"] as const),
  value: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.TEXT_MAX, description: "Tag (≤ 255 characters) or comment text" })),
  values: Type.Optional(MapPairs),
  namespace: Type.Optional(Namespace),
  description: Type.Optional(Description),
  groupId: Type.Optional(Id),
  links: Type.Optional(Type.Array(LinkTarget)),
});
export const UpdateAnnotation = Strict({
  namespace: Type.Optional(Type.Union([Namespace, Type.Null()])),
  description: Type.Optional(Description),
  value: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.TEXT_MAX })),
  values: Type.Optional(MapPairs),
});
export const AnnotationListQuery = Strict({
  ...PageQuery,
  kind: Type.Optional(Type.Enum(["file", "tag", "comment", "map"] as const)),
  namespace: Type.Optional(Namespace),
});
export const LinkAnnotationBody = Strict({ annotationId: Id });

export type AnnotationDto = Static<typeof Annotation>;
export type FileAnnotationDto = Static<typeof FileAnnotation>;
