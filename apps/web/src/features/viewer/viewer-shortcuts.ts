/**
 * The viewer's keyboard shortcuts. Plain arrows and + / − belong to OpenLayers' KeyboardPan and
 * KeyboardZoom (on the focused map); the plane keys use Shift+arrows, which those interactions
 * leave alone, so the two never fight. Keys typed into a text field are that field's, and a
 * focused slider keeps its arrow and page keys.
 */

export type ShortcutAction =
  | { kind: "z"; delta: number }
  | { kind: "t"; delta: number }
  | { kind: "fit" }
  | { kind: "actual-size" }
  | { kind: "help" };

/** For the help popover: what a user can press, in the order worth reading. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: "← ↑ → ↓", what: "Pan (click the image first)" },
  { keys: "+ / −", what: "Zoom in / out" },
  { keys: "F", what: "Fit the image" },
  { keys: "0", what: "Actual size (100 %)" },
  { keys: "Shift+↑ / Shift+↓", what: "Next / previous Z section" },
  { keys: "Shift+→ / Shift+←", what: "Next / previous time point" },
  { keys: "?", what: "Show these shortcuts" },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
}

export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || typesText(e.target)) return null;
  // A focused slider, checkbox or list moves with the arrow and page keys itself.
  const planeKeysFree = !isFormField(e.target);
  if (e.shiftKey && planeKeysFree) {
    switch (e.key) {
      case "ArrowUp": return { kind: "z", delta: 1 };
      case "ArrowDown": return { kind: "z", delta: -1 };
      case "ArrowRight": return { kind: "t", delta: 1 };
      case "ArrowLeft": return { kind: "t", delta: -1 };
    }
  }
  switch (e.key) {
    case "PageUp": return planeKeysFree ? { kind: "z", delta: 1 } : null;
    case "PageDown": return planeKeysFree ? { kind: "z", delta: -1 } : null;
    case "f":
    case "F": return { kind: "fit" };
    case "0": return { kind: "actual-size" };
    case "?": return { kind: "help" };
    default: return null;
  }
}

const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Where a key is text being typed: a text or number box, a text area, an editable element. */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}
