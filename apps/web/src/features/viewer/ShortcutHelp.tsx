/** The "?" button and its popover listing the viewer's keyboard shortcuts; Escape or a click outside closes it. */
import { useEffect, useId, useRef } from "react";
import { SHORTCUTS } from "./viewer-shortcuts.ts";

export function ShortcutHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onOpenChange(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) onOpenChange(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open, onOpenChange]);
  return (
    <div className="shortcut-help" ref={rootRef}>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" aria-expanded={open} aria-controls={id}
        onClick={() => onOpenChange(!open)}>?</button>
      {open && (
        <div id={id} className="shortcut-popover" role="dialog" aria-label="Keyboard shortcuts">
          <h3>Keyboard shortcuts</h3>
          <dl>
            {SHORTCUTS.map((s) => (
              <div key={s.keys} className="shortcut">
                <dt><kbd>{s.keys}</kbd></dt>
                <dd>{s.what}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
