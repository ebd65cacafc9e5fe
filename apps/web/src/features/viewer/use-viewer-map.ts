/**
 * One OpenLayers map for the life of a mounted viewer: created in an effect once its element
 * exists, disposed on unmount. Render settings reach the tiles through `useShowSettings`,
 * debounced so that dragging a window slider does not request a tile set per pixel moved.
 */
import { useEffect, useRef, useState, type RefObject } from "react";
import type { ImageDto } from "@fovea/model";
import type { PyramidLayout } from "./pyramid-grid.ts";
import type { RenderSettings } from "./render-settings.ts";
import { createViewerMap, type ViewerMap } from "./viewer-map.ts";

/** Long enough to merge a slider drag's events, short enough to feel immediate. */
const SETTINGS_DEBOUNCE_MS = 120;

export function useViewerMap(
  targetRef: RefObject<HTMLDivElement | null>,
  image: ImageDto,
  layout: PyramidLayout,
  settings: RenderSettings,
  onTileError: (err: unknown) => void,
): ViewerMap | null {
  const [viewer, setViewer] = useState<ViewerMap | null>(null);
  // The map starts with the settings of the moment it is created; later ones go through show().
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const onTileErrorRef = useRef(onTileError);
  onTileErrorRef.current = onTileError;

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const created = createViewerMap({
      target, image, layout, settings: settingsRef.current, onTileError: (err) => onTileErrorRef.current(err),
    });
    setViewer(created);
    return () => {
      setViewer(null);
      created.dispose();
    };
  }, [targetRef, image, layout]);

  useShowSettings(viewer, settings);
  return viewer;
}

function useShowSettings(viewer: ViewerMap | null, settings: RenderSettings): void {
  useEffect(() => {
    if (!viewer) return;
    const timer = window.setTimeout(() => viewer.source.show(settings), SETTINGS_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [viewer, settings]);
}
