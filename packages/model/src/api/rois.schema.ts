/**
 * ROIs and shapes. Shape bodies are checked structurally here (a known `kind`) and in full by
 * `validateRoi`/`validateShape` of the model, whose errors name every offending field; the
 * schema below documents the fields of each kind for the OpenAPI document.
 */
import Type, { type Static } from "typebox";
import { SHAPE_KINDS } from "../shapes.ts";
import { Id, OwnedFields, PageQuery, Strict } from "./common.schema.ts";

const ShapeKind = Type.Enum(SHAPE_KINDS);

/**
 * Loose input shape: `kind` plus the geometry fields of that kind. `kind` is a plain string here
 * so that validateShape, which names every offending field, reports an unknown kind too.
 */
export const ShapeInputSchema = Type.Object(
  { kind: Type.String({ description: `One of ${SHAPE_KINDS.join(", ")}` }) },
  {
    additionalProperties: true,
    description:
      "Line {x1,y1,x2,y2} · Polyline/Polygon {points:[[x,y],…]} · Rectangle {x,y,width,height} · " +
      "Ellipse {x,y,radiusX,radiusY} · Point {x,y} · Label {x,y,text}; optional z,t,c (0-based), text, " +
      "strokeColor, strokeWidth, fillColor. Coordinates in full-resolution pixels.",
  },
);

export const Shape = Type.Object(
  {
    type: Type.Literal("Shape"),
    id: Id,
    roiId: Id,
    kind: ShapeKind,
    z: Type.Union([Type.Integer(), Type.Null()]),
    t: Type.Union([Type.Integer(), Type.Null()]),
    c: Type.Union([Type.Integer(), Type.Null()]),
    text: Type.Union([Type.String(), Type.Null()]),
    strokeColor: Type.Union([Type.String(), Type.Null()]),
    strokeWidth: Type.Union([Type.Number(), Type.Null()]),
    fillColor: Type.Union([Type.String(), Type.Null()]),
    length: Type.Optional(Type.Number({ description: "Line/Polyline length in `unit`" })),
    area: Type.Optional(Type.Number({ description: "Area in `unit`²" })),
    unit: Type.String({ description: "µm when the image is calibrated, else pixels" }),
  },
  { additionalProperties: true, description: "A shape: these fields plus the geometry fields of its kind" },
);

export const Roi = Type.Object({
  type: Type.Literal("Roi"), ...OwnedFields, imageId: Id, name: Type.String(), description: Type.String(),
  shapes: Type.Array(Shape),
});

export const CreateRoi = Type.Object(
  { name: Type.Optional(Type.String()), description: Type.Optional(Type.String()), shapes: Type.Array(ShapeInputSchema) },
  { additionalProperties: true },
);
export const UpdateRoi = Strict({ name: Type.Optional(Type.String({ maxLength: 255 })), description: Type.Optional(Type.String({ maxLength: 10000 })) });
export const AddShapes = Strict({ shapes: Type.Array(ShapeInputSchema) });
export const RoiListQuery = Strict({ ...PageQuery });

export type RoiDto = Static<typeof Roi>;
export type ShapeDto = Static<typeof Shape>;
