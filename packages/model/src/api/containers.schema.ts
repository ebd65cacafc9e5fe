/** Projects, datasets and images: DTOs and request bodies. */
import Type, { type Static } from "typebox";
import { PIXEL_TYPES } from "../pixel-types.ts";
import { Description, Id, Name, OwnedFields, PageQuery, Strict } from "./common.schema.ts";

export const Project = Type.Object({
  type: Type.Literal("Project"), ...OwnedFields, name: Type.String(), description: Type.String(),
});
export const Dataset = Type.Object({
  type: Type.Literal("Dataset"), ...OwnedFields, name: Type.String(), description: Type.String(),
});

export const PixelTypeSchema = Type.Enum(PIXEL_TYPES);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Channel = Type.Object({
  index: Type.Integer(),
  name: Type.String(),
  color: Type.String({ description: "RRGGBB hex" }),
  emissionWavelength: Nullable(Type.Number()),
  windowStart: Nullable(Type.Number()),
  windowEnd: Nullable(Type.Number()),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
});

export const Image = Type.Object({
  type: Type.Literal("Image"), ...OwnedFields, name: Type.String(), description: Type.String(),
  sizeX: Type.Integer(), sizeY: Type.Integer(), sizeZ: Type.Integer(), sizeC: Type.Integer(), sizeT: Type.Integer(),
  pixelType: PixelTypeSchema,
  physicalSizeX: Nullable(Type.Number()), physicalSizeY: Nullable(Type.Number()), physicalSizeZ: Nullable(Type.Number()),
  physicalSizeUnit: Type.String(),
  timeIncrement: Nullable(Type.Number({ description: "Seconds between time points" })),
  format: Nullable(Type.String()),
  acquisitionDate: Nullable(Type.String()),
  channels: Type.Array(Channel),
});

export const CreateContainer = Strict({
  name: Name,
  description: Type.Optional(Description),
  groupId: Type.Optional(Id),
});
export const UpdateContainer = Strict({ name: Type.Optional(Name), description: Type.Optional(Description) });

export const ListQuery = Strict({
  ...PageQuery,
  groupId: Type.Optional(Id),
  ownerId: Type.Optional(Id),
  orphaned: Type.Optional(Type.Boolean({ description: "Only objects in no parent container" })),
});
export const ChildrenQuery = Strict({ ...PageQuery });

export const LinkDatasetBody = Strict({ datasetId: Id });
export const LinkImageBody = Strict({ imageId: Id });

export type ProjectDto = Static<typeof Project>;
export type DatasetDto = Static<typeof Dataset>;
export type ImageDto = Static<typeof Image>;
export type ChannelDto = Static<typeof Channel>;
