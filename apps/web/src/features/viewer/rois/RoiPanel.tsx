/**
 * The viewer's ROI panel: the tools, the table of the image's shapes and Save, with the shapes
 * drawn on the viewer's map. It loads every ROI of the image (all pages), keeps the user's
 * changes as drafts until Save, and warns before the page is left with changes unsaved.
 */
import { useCallback, useEffect, useMemo } from "react";
import type OlMap from "ol/Map.js";
import { listAll } from "@fovea/client";
import type { ImageDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { useStore } from "../../../state/store.ts";
import { calibrationOf } from "./measure-format.ts";
import { canEditDraft, draftsFromRois, liveDrafts } from "./roi-drafts.ts";
import { createRoiStore, deleteSelected, loadDrafts, selectShapes, setTool } from "./roi-store.ts";
import { planSave } from "./save-plan.ts";
import { saveRois } from "./save-rois.ts";
import { useRoiKeys } from "./use-roi-keys.ts";
import { useRoiMap } from "./use-roi-map.ts";
import { useUnsavedWarning } from "./use-unsaved-warning.ts";
import { RoiSaveBar } from "./RoiSaveBar.tsx";
import { RoiTable } from "./RoiTable.tsx";
import { RoiToolbar } from "./RoiToolbar.tsx";
import "./rois.css";

/** What the viewer gives the panel; the first five are the contract with ImageViewer. */
export interface RoiPanelProps {
  /** The viewer's map (units: full-resolution pixels, see ../coords.ts). */
  map: OlMap;
  image: ImageDto;
  /** The plane on show (0-based). */
  z: number;
  t: number;
  /** 0-based indices of the channels switched on; a shape drawn while exactly one is on records it as `c`. */
  activeChannels: readonly number[];
  /** Asked to show a plane when the user picks a shape in the table that is not on the plane on show. */
  onShowPlane?: ((plane: { z?: number; t?: number }) => void) | undefined;
}

/** The ROI part of the viewer's side column, and its layer on the map. */
export function RoiPanel({ map, image, z, t, activeChannels, onShowPlane }: RoiPanelProps) {
  // One store per image: drafts of one image must never be saved onto another.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const store = useMemo(() => createRoiStore(), [image.id]);
  const state = useStore(store);
  const loaded = useAsync(() => listAll((page) => api.rois.list(image.id, page)), [image.id]);
  useEffect(() => {
    if (loaded.status === "ready") loadDrafts(store, draftsFromRois(loaded.data));
  }, [store, loaded.status, loaded.data]);

  const canDraw = image.permissions.canAnnotate;
  const plane = useMemo(() => ({ z, t, activeChannels }), [z, t, activeChannels]);
  const locked = state.save.status === "saving" || loaded.status !== "ready";
  const editor = useRoiMap(map, store, plane, canDraw, locked);

  const plan = useMemo(() => planSave(state.drafts), [state.drafts]);
  const live = useMemo(() => liveDrafts(state.drafts), [state.drafts]);
  const deletable = live.filter((d) => state.selected.has(d.key) && canEditDraft(d)).length;
  const save = useCallback(() => void saveRois(store, image.id, api.rois), [store, image.id]);
  useUnsavedWarning(plan.length > 0);
  useRoiKeys({
    editor, canDraw, hasSelection: state.selected.size > 0, save,
    pickTool: (tool) => setTool(store, tool),
    clearSelection: () => selectShapes(store, []),
    deleteSelected: () => deleteSelected(store),
  });

  const onSelectRow = (key: string, toggle: boolean) => {
    selectShapes(store, [key], toggle);
    const shape = live.find((d) => d.key === key)?.shape;
    if (!shape || !onShowPlane || toggle) return;
    const away = { ...(shape.z !== undefined && shape.z !== z && { z: shape.z }), ...(shape.t !== undefined && shape.t !== t && { t: shape.t }) };
    if (away.z !== undefined || away.t !== undefined) onShowPlane(away);
  };

  return (
    <section className="roi-panel" aria-label="ROIs">
      <div className="roi-panel-head">
        <h2>ROIs</h2>
        {loaded.status === "ready" && <span className="roi-count muted">{live.length === 1 ? "1 shape" : `${live.length} shapes`}</span>}
      </div>
      <RoiToolbar tool={state.tool} canDraw={canDraw} deletable={deletable} locked={locked} onPick={(tool) => setTool(store, tool)} onDelete={() => deleteSelected(store)} />
      {loaded.status === "loading" && <Spinner label="Loading ROIs…" />}
      {loaded.status === "error" && <ErrorBanner title="The ROIs could not be loaded:" error={loaded.error} onRetry={loaded.reload} />}
      {loaded.status === "ready" && (
        <RoiTable
          drafts={live} selected={state.selected} image={image} calibration={calibrationOf(image)}
          failedKey={state.save.status === "failed" ? state.save.key : undefined} onSelect={onSelectRow}
        />
      )}
      <RoiSaveBar save={state.save} plan={plan} onSave={save} onDiscard={loaded.reload} />
    </section>
  );
}
