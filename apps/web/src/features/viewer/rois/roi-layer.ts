/**
 * The vector layer of the image's shapes for the plane on show. `syncShapeFeatures` reconciles the
 * layer's features with the drafts: a feature per live draft on the plane (id = draft key),
 * updated in place so that OpenLayers' selection and an edit in progress keep their feature.
 */
import type Feature from "ol/Feature.js";
import VectorLayer from "ol/layer/Vector.js";
import VectorSource from "ol/source/Vector.js";
import { canEditDraft, liveDrafts, onPlane, type RoiDraft } from "./roi-drafts.ts";
import { createShapeFeature, keyOf, updateShapeFeature } from "./roi-feature.ts";
import { shapeStyles } from "./roi-style.ts";

/** Above the image's tile layers whatever their number. */
const ROI_LAYER_Z_INDEX = 100;

/** The ROI vector layer with its source. */
export interface RoiLayer {
  readonly layer: VectorLayer<VectorSource<Feature>>;
  readonly source: VectorSource<Feature>;
  /** Restyles after the selection changed (it is not a feature property, so OpenLayers cannot see it). */
  setSelected(keys: ReadonlySet<string>): void;
}

/** A layer (not yet on a map) styling each shape from its feature and the selection. */
export function createRoiLayer(): RoiLayer {
  const source = new VectorSource<Feature>();
  let selected: ReadonlySet<string> = new Set();
  const layer = new VectorLayer({
    source, zIndex: ROI_LAYER_Z_INDEX, properties: { title: "ROIs" },
    style: (feature) => shapeStyles(feature, selected.has(keyOf(feature))),
    // Shapes follow the image while panning instead of catching up after it.
    updateWhileAnimating: true, updateWhileInteracting: true,
  });
  return {
    layer, source,
    setSelected(keys) {
      selected = keys;
      layer.changed();
    },
  };
}

/** Makes the source hold exactly the live drafts on plane (z, t), each showing its current shape. */
export function syncShapeFeatures(source: VectorSource<Feature>, drafts: readonly RoiDraft[], z: number, t: number): void {
  const shown = new Map(liveDrafts(drafts).filter((d) => onPlane(d.shape, z, t)).map((d) => [d.key, d]));
  for (const feature of source.getFeatures()) {
    if (!shown.has(keyOf(feature))) source.removeFeature(feature);
  }
  const added: Feature[] = [];
  for (const [key, draft] of shown) {
    const feature = source.getFeatureById(key) as Feature | null;
    if (feature) updateShapeFeature(feature, draft.shape, canEditDraft(draft));
    else added.push(createShapeFeature(key, draft.shape, canEditDraft(draft)));
  }
  if (added.length > 0) source.addFeatures(added);
}
