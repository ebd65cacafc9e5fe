/**
 * Keyboard movement in the Scripts menu (WAI-ARIA menu pattern): arrows move between the items
 * across folders and wrap, Home/End jump, and from the filter box Down/Up enter the list.
 */
const ITEM = '[role="menuitem"]:not([disabled])';

/** The item to focus for `key`, or undefined when the key does not move. */
export function nextItem(container: HTMLElement, from: Element | null, key: string): HTMLElement | undefined {
  const items = [...container.querySelectorAll<HTMLElement>(ITEM)];
  if (items.length === 0) return undefined;
  const at = from ? items.indexOf(from as HTMLElement) : -1;
  switch (key) {
    case "ArrowDown":
      return items[at < 0 ? 0 : (at + 1) % items.length];
    case "ArrowUp":
      return items[at < 0 ? items.length - 1 : (at - 1 + items.length) % items.length];
    case "Home":
      return at < 0 ? undefined : items[0];
    case "End":
      return at < 0 ? undefined : items[items.length - 1];
    default:
      return undefined;
  }
}

/** A key that types text (type-ahead into the filter box from an item). */
export function isPrintable(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && e.key !== " ";
}
