/**
 * The map features of the ROI layer: one per shape on show, whose id is the draft's key and which
 * carries the shape it was drawn from, so that the layer can tell a stale geometry (the draft
 * changed) from a current one by reference, and interactions can read a feature back as a shape.
 */
import Feature, { type FeatureLike } from "ol/Feature.js";
import type { ShapeInput } from "@fovea/model";
import { shapeToGeometry } from "./shape-geometry.ts";

const SHAPE = "foveaShape";
const EDITABLE = "foveaEditable";

/** A feature showing `shape`, identified by the draft's key. */
export function createShapeFeature(key: string, shape: ShapeInput, editable: boolean): Feature {
  const feature = new Feature(shapeToGeometry(shape));
  feature.setId(key);
  feature.setProperties({ [SHAPE]: shape, [EDITABLE]: editable });
  return feature;
}

/** Shows `shape` on the feature, unless it already does. */
export function updateShapeFeature(feature: Feature, shape: ShapeInput, editable: boolean): void {
  if (feature.get(SHAPE) !== shape) {
    feature.setGeometry(shapeToGeometry(shape));
    feature.set(SHAPE, shape);
  }
  if (feature.get(EDITABLE) !== editable) feature.set(EDITABLE, editable);
}

/** The shape a feature shows (undefined for a feature not made here). */
export function shapeOf(feature: FeatureLike): ShapeInput | undefined {
  return feature.get(SHAPE) as ShapeInput | undefined;
}

/** The draft key of a feature. */
export function keyOf(feature: FeatureLike): string {
  return String(feature.getId());
}

/** Whether the user may move or reshape the feature's shape. */
export function isEditable(feature: FeatureLike): boolean {
  return feature.get(EDITABLE) === true;
}
