/**
 * Keyboard movement in the Data tree (WAI-ARIA tree pattern). Rows are read from the DOM in
 * document order, which is the order on screen: a collapsed project renders no children, and
 * datasets load lazily, so the DOM is the one up-to-date list of what can be reached.
 */

const ITEM = '[role="treeitem"]';

export type TreeMoveKey = "ArrowUp" | "ArrowDown" | "Home" | "End";

export function isTreeMoveKey(key: string): key is TreeMoveKey {
  return key === "ArrowUp" || key === "ArrowDown" || key === "Home" || key === "End";
}

/** The index focus moves to among `count` visible rows. */
export function treeStep(key: TreeMoveKey, index: number, count: number): number {
  if (count === 0) return -1;
  switch (key) {
    case "ArrowUp": return Math.max(0, index - 1);
    case "ArrowDown": return Math.min(count - 1, index + 1);
    case "Home": return 0;
    case "End": return count - 1;
  }
}

/** The row an event came from (the treeitem itself or anything inside its own row). */
export function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(ITEM) : null;
}

/** Moves focus from `from` by `key` within `tree`; returns the newly focused row. */
export function moveInTree(tree: HTMLElement, from: HTMLElement | null, key: TreeMoveKey): HTMLElement | null {
  const rows = [...tree.querySelectorAll<HTMLElement>(ITEM)];
  const target = rows[treeStep(key, from ? rows.indexOf(from) : -1, rows.length)];
  target?.focus();
  return target ?? null;
}

export function focusParentRow(row: HTMLElement): void {
  row.parentElement?.closest<HTMLElement>(ITEM)?.focus();
}

export function focusFirstChildRow(row: HTMLElement): void {
  row.querySelector<HTMLElement>(`[role="group"] ${ITEM}`)?.focus();
}
