/**
 * Puts the ROI layer and the editor on the viewer's map for as long as the panel is mounted, and
 * keeps them in step with the store (drafts, selection, tool), the plane and the lock.
 * Returns the editor, for the keyboard (Escape cancels a drawing).
 */
import { useEffect, useRef, useState } from "react";
import type OlMap from "ol/Map.js";
import { useStore } from "../../../state/store.ts";
import { RoiEditor } from "./roi-editor.ts";
import { createRoiLayer, syncShapeFeatures, type RoiLayer } from "./roi-layer.ts";
import { addDrawnShape, editShapes, selectShapes, type DrawingPlane, type RoiStore } from "./roi-store.ts";

interface MapParts {
  readonly roiLayer: RoiLayer;
  readonly editor: RoiEditor;
}

/** `locked`: nothing may change (loading, or a save in flight). */
export function useRoiMap(map: OlMap, store: RoiStore, plane: DrawingPlane, canDraw: boolean, locked: boolean): RoiEditor | undefined {
  const [parts, setParts] = useState<MapParts>();
  // The editor's callbacks outlive renders; they read the plane on show when a drawing ends.
  const planeRef = useRef(plane);
  planeRef.current = plane;

  useEffect(() => {
    const roiLayer = createRoiLayer();
    map.addLayer(roiLayer.layer);
    const editor = new RoiEditor(map, roiLayer, {
      onDrawn: (geometry) => addDrawnShape(store, geometry, planeRef.current),
      onEdited: (edits) => editShapes(store, edits),
      onSelect: (keys) => selectShapes(store, keys),
    });
    setParts({ roiLayer, editor });
    return () => {
      editor.dispose();
      map.removeLayer(roiLayer.layer);
      roiLayer.layer.dispose();
      setParts(undefined);
    };
  }, [map, store]);

  const { drafts, selected, tool } = useStore(store);
  const { z, t } = plane;
  useEffect(() => {
    if (!parts) return;
    syncShapeFeatures(parts.roiLayer.source, drafts, z, t);
    parts.roiLayer.setSelected(selected);
    parts.editor.setSelection(selected, (key) => parts.roiLayer.source.getFeatureById(key));
  }, [parts, drafts, selected, z, t]);

  useEffect(() => {
    parts?.editor.setTool(canDraw ? tool : "Select");
  }, [parts, tool, canDraw]);

  useEffect(() => {
    parts?.editor.setLocked(locked);
  }, [parts, locked]);

  return parts?.editor;
}
