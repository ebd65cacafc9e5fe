/**
 * The header's Scripts (cogs) button and its menu of runnable scripts grouped by folder
 * (SPEC §6). Picking a script opens its form; the menu lists afresh each time it opens, so a
 * script uploaded meanwhile shows up.
 */
import { useCallback, useId, useRef, useState } from "react";
import type { ScriptDto } from "@fovea/model";
import { openScriptForm } from "../../state/script-dialog.ts";
import { CogIcon } from "./menu/CogIcon.tsx";
import { ScriptsPopup } from "./menu/ScriptsPopup.tsx";
import "./scripts.css";

export function ScriptsMenu() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = `scripts-menu-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }, []);
  const pick = useCallback((script: ScriptDto) => {
    // Focus goes back to the button first, so the form dialog returns it there when it closes.
    close(true);
    openScriptForm(script.id);
  }, [close]);

  return (
    <div className="scripts-menu">
      <button
        ref={buttonRef} type="button" className="scripts-button" aria-haspopup="menu" aria-expanded={open}
        aria-controls={open ? menuId : undefined} onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => { if (e.key === "ArrowDown" && !open) { e.preventDefault(); setOpen(true); } }}
      >
        <CogIcon />
        Scripts
      </button>
      {open && <ScriptsPopup menuId={menuId} onClose={close} onPick={pick} />}
    </div>
  );
}
