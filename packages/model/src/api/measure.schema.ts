/**
 * Server-side pixel operations for scripts: shape statistics, path sampling (kymographs) and new
 * images built from streamed planes. Geometry follows SCRIPTS.md §2 (see ../geometry/).
 */
import Type, { type Static } from "typebox";
import { LIMITS } from "../limits.ts";
import { PixelTypeSchema } from "./containers.schema.ts";
import { Description, Id, Name, Strict } from "./common.schema.ts";
import { ShapeInputSchema } from "./rois.schema.ts";

const Index = Type.Integer({ minimum: 0, description: "0-based plane index" });
const Planes = Type.Union([Type.Array(Index, { maxItems: 100_000 }), Type.Literal("all")], {
  description: "0-based indices, or \"all\" (the default). A shape with its own z/t is measured on that plane only.",
});

export const ShapeStatsBody = Strict({
  shapes: Type.Array(Type.Union([Id, ShapeInputSchema]), {
    minItems: 1, maxItems: LIMITS.SHAPES_PER_ROI_MAX,
    description: "Stored shape ids (of this image) or inline shapes (the ROI input form)",
  }),
  channels: Type.Optional(Type.Array(Index, { maxItems: 10_000, description: "0-based channels; default all" })),
  z: Type.Optional(Planes),
  t: Type.Optional(Planes),
  shapeChannelOnly: Type.Optional(Type.Boolean({ description: "A shape whose c is set is measured on that channel only (default false)" })),
});

export const ShapeStatsRow = Type.Object({
  /** Position of the shape in the request's `shapes`. */
  index: Type.Integer(),
  shapeId: Type.Optional(Id),
  z: Type.Integer(), t: Type.Integer(), c: Type.Integer(),
  count: Type.Integer({ description: "Pixels of the shape in the image (SCRIPTS.md §2)" }),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  sum: Type.Number(),
  mean: Type.Union([Type.Number(), Type.Null()]),
  std: Type.Union([Type.Number(), Type.Null()], { description: "Population standard deviation" }),
});
export const ShapeStatsResponse = Type.Object({ items: Type.Array(ShapeStatsRow) });

export const PathSamplesBody = Strict({
  points: Type.Array(Type.Tuple([Type.Number(), Type.Number()]), { minItems: 2, maxItems: LIMITS.POINTS_PER_SHAPE_MAX }),
  width: Type.Integer({ minimum: 1, maximum: 1000, description: "Samples across the path (W)" }),
  c: Index,
  z: Type.Optional(Index),
  t: Type.Array(Index, { minItems: 1, maxItems: 100_000 }),
  format: Type.Optional(Type.Enum(["json", "binary"] as const, { description: "json (default) or raw little-endian float64" })),
});
export const PathSamplesResponse = Type.Object({
  width: Type.Integer({ description: "W" }),
  length: Type.Integer({ description: "N = ⌊L⌋ + 1 samples along the path" }),
  pathLength: Type.Number({ description: "L in pixels" }),
  t: Type.Array(Type.Integer()),
  samples: Type.Array(Type.Array(Type.Array(Type.Number())), { description: "[t][k][s]: time point, row across the path, sample along it" }),
});

const ChannelShell = Strict({
  name: Type.String({ minLength: 1, maxLength: LIMITS.NAME_MAX }),
  color: Type.Optional(Type.String({ pattern: "^[0-9A-Fa-f]{6}$", description: "RRGGBB" })),
});
const Positive = Type.Number({ exclusiveMinimum: 0 });

export const CreateImageUpload = Strict({
  name: Name,
  description: Type.Optional(Description),
  datasetId: Type.Optional(Id),
  groupId: Type.Optional(Id),
  sizeX: Type.Integer({ minimum: 1, maximum: 1 << 20 }),
  sizeY: Type.Integer({ minimum: 1, maximum: 1 << 20 }),
  sizeZ: Type.Integer({ minimum: 1, maximum: 100_000 }),
  sizeC: Type.Integer({ minimum: 1, maximum: 1000 }),
  sizeT: Type.Integer({ minimum: 1, maximum: 100_000 }),
  pixelType: PixelTypeSchema,
  physicalSizeX: Type.Optional(Positive),
  physicalSizeY: Type.Optional(Positive),
  physicalSizeZ: Type.Optional(Positive),
  physicalSizeUnit: Type.Optional(Type.Literal("µm", { description: "Unit of X, Y and Z (µm only)" })),
  physicalSizeYUnit: Type.Optional(Type.Enum(["µm", "s"] as const, {
    description: "s: Y is time (a kymograph's seconds per row); recorded in a Map annotation, namespace fovea.calibration",
  })),
  timeIncrement: Type.Optional(Positive),
  channels: Type.Array(ChannelShell, { minItems: 1, maxItems: 1000 }),
});
export const ImageUpload = Type.Object({
  uploadId: Type.String(),
  planes: Type.Integer({ description: "sizeZ·sizeC·sizeT planes to PUT before commit" }),
  planeBytes: Type.Integer({ description: "Exact byte length of each plane" }),
});
export const UploadIdParams = Strict({ uploadId: Type.String({ pattern: "^[0-9a-f-]{36}$" }) });
export const UploadPlaneParams = Strict({
  uploadId: Type.String({ pattern: "^[0-9a-f-]{36}$" }), z: Index, c: Index, t: Index,
});

export type ShapeStatsRequest = Static<typeof ShapeStatsBody>;
export type ShapeStatsRowDto = Static<typeof ShapeStatsRow>;
export type PathSamplesRequest = Static<typeof PathSamplesBody>;
export type PathSamplesDto = Static<typeof PathSamplesResponse>;
export type CreateImageUploadRequest = Static<typeof CreateImageUpload>;
export type ImageUploadDto = Static<typeof ImageUpload>;

/** Namespace of the Map annotation that records a Y axis in seconds (kymographs). */
export const CALIBRATION_NAMESPACE = "fovea.calibration";
