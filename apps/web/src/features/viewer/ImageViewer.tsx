/**
 * The viewer for one loaded image: the map with its overlay and plane sliders on the left, the
 * channel panel and the ROI panel in a scrolling column on the right. Owns the render settings;
 * the map is created once and lives as long as this component.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from "react";
import type { ImageDto } from "@fovea/model";
import { ErrorBanner } from "../../ui/feedback.tsx";
import { ChannelPanel } from "./ChannelPanel.tsx";
import { MapOverlay } from "./MapOverlay.tsx";
import { PlaneSliders } from "./PlaneSliders.tsx";
import { ViewerHeader } from "./ViewerHeader.tsx";
import { RoiPanel } from "./rois/RoiPanel.tsx";
import type { PyramidLayout } from "./pyramid-grid.ts";
import { activeIndices, initialRenderSettings, renderSettingsReducer } from "./render-settings.ts";
import { useViewerMap } from "./use-viewer-map.ts";
import { shortcutFor } from "./viewer-shortcuts.ts";
import { exposeViewer } from "./viewer-test-handle.ts";

export function ImageViewer({ image, layout }: { image: ImageDto; layout: PyramidLayout }) {
  const reducer = useMemo(() => renderSettingsReducer(image), [image]);
  const [settings, dispatch] = useReducer(reducer, image, initialRenderSettings);
  const [tileError, setTileError] = useState<unknown>();
  const [helpOpen, setHelpOpen] = useState(false);
  const mapRef = useRef<HTMLDivElement>(null);
  const viewer = useViewerMap(mapRef, image, layout, settings, setTileError);
  useEffect(() => (viewer && mapRef.current ? exposeViewer(viewer, mapRef.current, image.id) : undefined), [viewer, image.id]);
  const active = useMemo(() => activeIndices(settings.channels), [settings.channels]);
  const resetChannels = useCallback(() => dispatch({ kind: "reset-channels", channels: initialRenderSettings(image).channels }), [image]);
  // Picking an ROI table row of a shape on another plane shows that plane.
  const showPlane = useCallback((plane: { z?: number; t?: number }) => dispatch({ kind: "plane", ...plane }), []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const action = shortcutFor(e);
    if (!action) return;
    e.preventDefault();
    switch (action.kind) {
      case "z":
      case "t":
        dispatch({ kind: "step", axis: action.kind, delta: action.delta });
        break;
      case "fit":
        viewer?.fit();
        break;
      case "actual-size":
        viewer?.actualSize();
        break;
      case "help":
        setHelpOpen((open) => !open);
        break;
    }
  };

  return (
    <div className="viewer" onKeyDown={onKeyDown}>
      <ViewerHeader image={image} />
      <div className="viewer-body">
        <div className="viewer-main">
          <div className="viewer-stage">
            <div ref={mapRef} className="viewer-map" data-testid="viewer-map" tabIndex={0} role="application"
              aria-label={`${image.name}: drag or use the arrow keys to pan, + and − to zoom`} aria-keyshortcuts="Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight F 0" />
            {viewer && <MapOverlay viewer={viewer} image={image} helpOpen={helpOpen} onHelpOpenChange={setHelpOpen} />}
            {tileError !== undefined && (
              <div className="viewer-tile-error">
                <ErrorBanner title="Some tiles could not be loaded:" error={tileError}
                  onRetry={() => { setTileError(undefined); viewer?.source.refresh(); }} />
              </div>
            )}
          </div>
          <PlaneSliders image={image} z={settings.z} t={settings.t} dispatch={dispatch} />
        </div>
        <aside className="viewer-side" aria-label="Display and ROIs">
          <ChannelPanel image={image} settings={settings} dispatch={dispatch} onReset={resetChannels} />
          {viewer && <RoiPanel map={viewer.map} image={image} z={settings.z} t={settings.t} activeChannels={active} onShowPlane={showPlane} />}
        </aside>
      </div>
    </div>
  );
}
