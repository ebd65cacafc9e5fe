/**
 * The ROI keyboard: a tool's letter picks it, Escape cancels the shape being drawn (or clears the
 * selection), Backspace while drawing takes back the last point, Delete/Backspace otherwise delete
 * the selected shapes, and Ctrl+S (⌘S) saves instead of saving the web page. Keys typed into a
 * text field or inside a dialog are left alone.
 */
import { useEffect, useRef } from "react";
import { TOOLS, type RoiTool } from "./draw-tools.ts";
import type { RoiEditor } from "./roi-editor.ts";

/** What the keys act on; read at each key press, so it may change every render. */
export interface RoiKeyActions {
  editor: RoiEditor | undefined;
  canDraw: boolean;
  hasSelection: boolean;
  pickTool(tool: RoiTool): void;
  clearSelection(): void;
  deleteSelected(): void;
  save(): void;
}

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("[role=dialog]")) return true;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}

function handleKey(e: KeyboardEvent, a: RoiKeyActions): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
    a.save();
    return true;
  }
  if (e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target)) return false;
  if (e.key === "Escape") {
    if (a.editor?.abortDrawing()) return true;
    if (!a.hasSelection) return false;
    a.clearSelection();
    return true;
  }
  if (e.key === "Backspace" && a.editor?.removeLastPoint()) return true;
  if ((e.key === "Delete" || e.key === "Backspace") && a.hasSelection) {
    a.deleteSelected();
    return true;
  }
  const tool = TOOLS.find((t) => t.key === e.key.toLowerCase());
  if (tool && (a.canDraw || tool.tool === "Select")) {
    a.pickTool(tool.tool);
    return true;
  }
  return false;
}

/** Listens on the window while the panel is mounted (the map, the table and the toolbar all take the keys). */
export function useRoiKeys(actions: RoiKeyActions): void {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      if (handleKey(e, ref.current)) e.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
