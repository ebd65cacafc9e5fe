/**
 * A list of strings, colours, references, bools or choices: one row per element with its own
 * widget, rows added and removed with buttons. Issues naming an element (`Tags[1]`) mark its row.
 */
import { useEffect, useState } from "react";
import { elementDecl, emptyElementDraft, type Draft } from "../form/drafts.ts";
import { ScalarWidget } from "./ScalarWidget.tsx";
import type { WidgetProps } from "./widget-props.ts";

export function ListEditor(props: WidgetProps<Extract<Draft, { kind: "rows" }>>) {
  const { draft, controlId } = props;
  const element = elementDecl(props.param);
  const [focusRow, setFocusRow] = useState<number>();
  useEffect(() => {
    if (focusRow === undefined) return;
    document.getElementById(`${controlId}-${focusRow}`)?.focus();
    setFocusRow(undefined);
  }, [focusRow, controlId]);

  const setRows = (rows: readonly Draft[]) => props.onChange({ kind: "rows", rows });
  const add = () => {
    setRows([...draft.rows, emptyElementDraft(props.param)]);
    setFocusRow(draft.rows.length);
  };
  const remove = (i: number) => {
    setRows(draft.rows.filter((_, j) => j !== i));
    if (draft.rows.length > 1) setFocusRow(Math.min(i, draft.rows.length - 2));
    else document.getElementById(`${controlId}-add`)?.focus();
  };

  return (
    <div role="group" id={controlId} aria-label={props.label} aria-describedby={props.describedBy} className="param-list">
      {draft.rows.length === 0 && <p className="param-list-empty">No items.</p>}
      {draft.rows.map((row, i) => (
        <div className="param-list-row" key={i}>
          <ScalarWidget
            param={element} draft={row} label={`Item ${i + 1}`} controlId={`${controlId}-${i}`} describedBy={props.describedBy}
            disabled={props.disabled} required={false} invalid={props.invalidRows.has(i)} invalidRows={new Set()}
            onChange={(d) => setRows(draft.rows.map((r, j) => (j === i ? d : r)))}
          />
          <button type="button" className="param-row-remove" aria-label={`Remove item ${i + 1}`} disabled={props.disabled} onClick={() => remove(i)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
      <button type="button" id={`${controlId}-add`} className="param-row-add" disabled={props.disabled} onClick={add}>+ Add item</button>
    </div>
  );
}
