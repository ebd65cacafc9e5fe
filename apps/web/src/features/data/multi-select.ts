/**
 * The thumbnail grid's multi-selection, as pure functions over the ids in display order, so the
 * rules (click, Ctrl/Cmd-click, Shift-click, Ctrl+A, Space) are tested without a browser. The
 * selection is always returned in display order, so `IDs` pre-filled into a script form follow
 * what the user sees.
 */

export interface GridSelection {
  /** Selected ids, in display order. */
  readonly selected: readonly number[];
  /** Where the next Shift-click range starts (the last item clicked or toggled), if any. */
  readonly anchor: number | null;
}

export const NO_SELECTION: GridSelection = { selected: [], anchor: null };

export interface ClickModifiers {
  /** Ctrl on Linux/Windows, Cmd on macOS: add or remove one item. */
  readonly toggle: boolean;
  /** Shift: everything from the anchor to the clicked item. */
  readonly range: boolean;
}

/** Keeps only ids still shown, in display order (a list reloaded or paged). */
function inOrder(ids: readonly number[], chosen: ReadonlySet<number>): number[] {
  return ids.filter((id) => chosen.has(id));
}

/** The ids between `a` and `b` inclusive, in display order; just `b` when `a` is not shown. */
export function rangeBetween(ids: readonly number[], a: number | null, b: number): number[] {
  const from = a === null ? -1 : ids.indexOf(a);
  const to = ids.indexOf(b);
  if (to < 0) return [];
  if (from < 0) return [b];
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** A click on `id`: select it alone, toggle it (Ctrl/Cmd), or select a range (Shift; Ctrl+Shift adds it). */
export function clickSelect(ids: readonly number[], current: GridSelection, id: number, mods: ClickModifiers): GridSelection {
  if (!ids.includes(id)) return current;
  if (mods.range) {
    const range = rangeBetween(ids, current.anchor, id);
    const chosen = new Set(mods.toggle ? [...current.selected, ...range] : range);
    // The anchor stays put so that successive Shift-clicks pivot around the same item.
    return { selected: inOrder(ids, chosen), anchor: current.anchor !== null && ids.includes(current.anchor) ? current.anchor : id };
  }
  if (mods.toggle) return toggleSelect(ids, current, id);
  return { selected: [id], anchor: id };
}

/** Space, or Ctrl/Cmd-click: add or remove one item; it becomes the anchor. */
export function toggleSelect(ids: readonly number[], current: GridSelection, id: number): GridSelection {
  if (!ids.includes(id)) return current;
  const chosen = new Set(current.selected);
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  return { selected: inOrder(ids, chosen), anchor: id };
}

/** Shift+arrow: the range from the anchor to the newly focused item. */
export function extendSelect(ids: readonly number[], current: GridSelection, id: number): GridSelection {
  return clickSelect(ids, current, id, { toggle: false, range: true });
}

/** Ctrl/Cmd+A. */
export function selectAll(ids: readonly number[], current: GridSelection): GridSelection {
  return { selected: [...ids], anchor: current.anchor ?? ids[0] ?? null };
}

export type GridKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" | "PageUp" | "PageDown";

/** Where focus goes from `index` in a grid of `count` items laid out `columns` to a row. */
export function moveFocus(index: number, key: GridKey, columns: number, count: number): number {
  if (count === 0) return -1;
  const cols = Math.max(1, columns);
  const next = {
    ArrowLeft: index - 1, ArrowRight: index + 1, ArrowUp: index - cols, ArrowDown: index + cols,
    Home: 0, End: count - 1, PageUp: index - cols * 3, PageDown: index + cols * 3,
  }[key];
  // Up/Down past the edge stay put (as file managers do), Left/Right and paging clamp.
  if ((key === "ArrowUp" || key === "ArrowDown") && (next < 0 || next >= count)) return index;
  return Math.min(count - 1, Math.max(0, next));
}

export function isGridKey(key: string): key is GridKey {
  return ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(key);
}
