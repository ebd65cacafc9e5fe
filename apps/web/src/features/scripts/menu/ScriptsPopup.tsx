/**
 * The open Scripts menu: a filter box over a `role="menu"` of the runnable scripts, grouped by
 * folder (heading "Export scripts", raw `export_scripts` beside it). Each item shows the title,
 * with the description as its tooltip. Escape closes and gives focus back to the Scripts button;
 * a click outside, or Tab out of it, closes it too.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { listAll } from "@fovea/client";
import type { ScriptDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { EmptyState, ErrorBanner, Spinner } from "../../../ui/feedback.tsx";
import { useAsync } from "../../../ui/use-async.ts";
import { isPrintable, nextItem } from "./menu-keys.ts";
import { groupScripts } from "./script-folders.ts";

export interface ScriptsPopupProps {
  readonly menuId: string;
  /** `refocus`: give focus back to the Scripts button (Escape, a pick). */
  readonly onClose: (refocus: boolean) => void;
  readonly onPick: (script: ScriptDto) => void;
}

export function ScriptsPopup({ menuId, onClose, onPick }: ScriptsPopupProps) {
  const scripts = useAsync(() => listAll((page) => api.scripts.list(page)), []);
  const [filter, setFilter] = useState("");
  const ref = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const groups = groupScripts(scripts.data ?? [], filter);

  // The Scripts button belongs to the menu too: pressing it again toggles the menu closed.
  const inMenu = (node: EventTarget | null) => node instanceof Node && ref.current?.parentElement?.contains(node) === true;

  useEffect(() => filterRef.current?.focus(), []);
  useEffect(() => {
    const outside = (e: MouseEvent) => { if (!inMenu(e.target)) onClose(false); };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const onFilter = e.target === filterRef.current;
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    } else if (onFilter && e.key === "Enter") {
      e.preventDefault();
      const first = groups[0]?.scripts[0];
      if (first) onPick(first);
    } else if (!onFilter && isPrintable(e)) {
      e.preventDefault();
      setFilter((f) => f + e.key);
      filterRef.current?.focus();
    } else {
      const target = nextItem(ref.current!, onFilter ? null : document.activeElement, e.key);
      if (!target) return;
      e.preventDefault();
      target.focus();
    }
  };

  return (
    <div
      ref={ref} className="scripts-popup" onKeyDown={onKeyDown}
      onBlur={(e) => { if (e.relatedTarget && !inMenu(e.relatedTarget)) onClose(false); }}
    >
      <input
        ref={filterRef} type="search" className="scripts-filter" aria-label="Filter scripts" placeholder="Filter scripts…"
        value={filter} onChange={(e) => setFilter(e.target.value)} aria-controls={menuId} autoComplete="off"
      />
      {scripts.status === "loading" && <Spinner label="Loading scripts…" />}
      {scripts.status === "error" && <ErrorBanner title="The scripts could not be listed:" error={scripts.error} onRetry={scripts.reload} />}
      {scripts.status === "ready" && groups.length === 0 && (
        <EmptyState title={filter.trim() ? "No script matches" : "No scripts to run"}>
          {filter.trim() ? "Try another word." : "An administrator can upload scripts in Admin › Scripts."}
        </EmptyState>
      )}
      <div role="menu" id={menuId} aria-label="Scripts" className="scripts-menu-list" hidden={groups.length === 0}>
        {groups.map((g) => (
          <div role="group" key={g.folder} aria-labelledby={`${menuId}-${g.folder}`} className="scripts-group">
            <div role="presentation" id={`${menuId}-${g.folder}`} className="scripts-group-heading">
              {g.label} <code className="scripts-folder">{g.folder}</code>
            </div>
            {g.scripts.map((s) => (
              <button key={s.id} type="button" role="menuitem" tabIndex={-1} className="scripts-item" title={s.description || undefined} onClick={() => onPick(s)}>
                <span className="scripts-item-title">{s.title}</span>
                {!s.official && <span className="scripts-item-badge">mine</span>}
              </button>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
