/** Save with what it will do, its progress, "Saved", or why it failed (each offending field named). */
import { useEffect, useRef } from "react";
import type { SaveState } from "./roi-store.ts";
import { describeSaveError } from "./save-error.ts";
import type { SaveStep } from "./save-plan.ts";

/** The save state and what Save would do. */
export interface RoiSaveBarProps {
  save: SaveState;
  /** The requests Save would send. */
  plan: readonly SaveStep[];
  onSave(): void;
  /** Throws the unsaved changes away and loads the ROIs again (offered after a failed save). */
  onDiscard(): void;
}

const OP_WORDS: Record<SaveStep["op"], string> = { create: "new", replace: "changed", delete: "deleted" };

/** "Unsaved: 2 new, 1 changed", "Saving 2 of 3…", "Saved". */
function statusText(save: SaveState, plan: readonly SaveStep[]): string {
  if (save.status === "saving") return `Saving ${Math.min(save.done + 1, save.total)} of ${save.total}…`;
  if (plan.length > 0) {
    const parts = (["create", "replace", "delete"] as const)
      .map((op) => [op, plan.filter((s) => s.op === op).length] as const)
      .filter(([, n]) => n > 0)
      .map(([op, n]) => `${n} ${OP_WORDS[op]}`);
    return `Unsaved: ${parts.join(", ")}`;
  }
  if (save.status === "saved") return "Saved";
  return "No unsaved changes";
}

function SaveFailure({ error, onRetry, onDiscard }: { error: unknown; onRetry: () => void; onDiscard: () => void }) {
  const text = describeSaveError(error);
  const ref = useRef<HTMLDivElement>(null);
  // Save sits at the bottom of a scrolling column: bring the reason into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [error]);
  return (
    <div ref={ref} className="error-banner roi-save-error" role="alert">
      <div>
        <strong>Not saved: </strong>{text.message}
        {text.code !== "INTERNAL" && <span className="error-code"> ({text.code})</span>}
        {text.fields.length > 0 && <ul>{text.fields.map((f) => <li key={f}>{f}</li>)}</ul>}
        <div className="muted">Your unsaved shapes are kept.</div>
      </div>
      <div className="roi-save-error-actions">
        <button type="button" onClick={onRetry}>Retry</button>
        <button type="button" onClick={onDiscard} title="Throw the unsaved changes away and load the ROIs as stored">Discard changes</button>
      </div>
    </div>
  );
}

/** The status line (a live region) and the Save button, under a failure's explanation. */
export function RoiSaveBar({ save, plan, onSave, onDiscard }: RoiSaveBarProps) {
  const saving = save.status === "saving";
  const pending = plan.length;
  const status = statusText(save, plan);
  return (
    <div className="roi-save">
      {save.status === "failed" && <SaveFailure error={save.error} onRetry={onSave} onDiscard={onDiscard} />}
      <div className="roi-save-row">
        <span className={`roi-save-status ${save.status === "saved" && pending === 0 ? "is-saved" : ""}`} role="status" aria-live="polite">
          {save.status === "saved" && pending === 0 && <span aria-hidden="true">✓ </span>}
          {status}
        </span>
        <button type="button" className="primary" onClick={onSave} disabled={saving || pending === 0} aria-keyshortcuts="Control+S" title="Save (Ctrl+S)">
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </div>
  );
}
