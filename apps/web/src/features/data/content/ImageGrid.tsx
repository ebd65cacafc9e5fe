/**
 * The thumbnail grid as a multi-select listbox: click selects one, Ctrl/Cmd-click toggles,
 * Shift-click selects a range, Ctrl/Cmd+A all, arrows move the focus (Shift+arrow extends),
 * Space toggles, Enter or a double-click opens the viewer, Escape or a click on the background
 * gives the selection back to the container. The rules live in `multi-select.ts`.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { ImageDto } from "@fovea/model";
import {
  clickSelect, extendSelect, isGridKey, moveFocus, NO_SELECTION, selectAll, toggleSelect, type GridSelection,
} from "../multi-select.ts";
import { ThumbnailCard } from "./ThumbnailCard.tsx";

export interface ImageGridProps {
  label: string;
  images: readonly ImageDto[];
  /** The selected image ids (from the shared selection). */
  selected: readonly number[];
  onSelect(ids: readonly number[]): void;
  onOpen(imageId: number): void;
}

/** Items in the first row, read from the layout (the grid's columns follow the pane's width). */
function columnsOf(list: HTMLElement): number {
  const items = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  const top = items[0]?.offsetTop;
  const n = items.findIndex((el) => el.offsetTop !== top);
  return n < 0 ? items.length : n;
}

export function ImageGrid({ label, images, selected, onSelect, onOpen }: ImageGridProps) {
  const ids = images.map((i) => i.id);
  const listRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const anchor = useRef<number | null>(null);
  const chosen = new Set(selected);
  // The latest props for the stable click handler below (cards are memoised: a click on one
  // card must not re-render the other thousand).
  const latest = useRef({ ids, selected, onSelect });
  latest.current = { ids, selected, onSelect };

  const current = useCallback((): GridSelection => {
    const { ids: shown, selected: picked } = latest.current;
    const set = new Set(picked);
    return { selected: shown.filter((id) => set.has(id)), anchor: anchor.current };
  }, []);
  const apply = useCallback((next: GridSelection) => {
    anchor.current = next.anchor;
    latest.current.onSelect(next.selected);
  }, []);
  const onPick = useCallback((index: number, e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) => {
    const id = latest.current.ids[index];
    if (id === undefined) return;
    setFocusIndex(index);
    apply(clickSelect(latest.current.ids, current(), id, { toggle: e.ctrlKey || e.metaKey, range: e.shiftKey }));
  }, [apply, current]);

  useEffect(() => {
    if (focusIndex >= images.length && images.length > 0) setFocusIndex(images.length - 1);
  }, [focusIndex, images.length]);

  const focusAt = (index: number) => {
    setFocusIndex(index);
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[index]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const id = ids[focusIndex];
    if (id === undefined || !listRef.current) return;
    if (isGridKey(e.key)) {
      const next = moveFocus(focusIndex, e.key, columnsOf(listRef.current), ids.length);
      focusAt(next);
      const nextId = ids[next];
      if (e.shiftKey && nextId !== undefined) apply(extendSelect(ids, anchor.current === null ? { ...current(), anchor: id } : current(), nextId));
    } else if (e.key === " ") apply(toggleSelect(ids, current(), id));
    else if (e.key === "Enter") onOpen(id);
    else if (e.key.toLowerCase() === "a" && (e.ctrlKey || e.metaKey)) apply(selectAll(ids, current()));
    else if (e.key === "Escape" && selected.length > 0) apply(NO_SELECTION);
    else return;
    e.preventDefault();
  };

  const onBackground = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target instanceof Element && e.target.closest('[role="option"]')) return;
    apply(NO_SELECTION);
  };

  return (
    <div className="image-grid-area" onClick={onBackground}>
      <div ref={listRef} role="listbox" aria-label={label} aria-multiselectable="true" className="image-grid" onKeyDown={onKeyDown}>
        {images.map((image, index) => (
          <ThumbnailCard
            key={image.id} image={image} index={index} selected={chosen.has(image.id)}
            focusable={index === Math.min(focusIndex, images.length - 1)} onPick={onPick} onOpen={onOpen}
          />
        ))}
      </div>
    </div>
  );
}
