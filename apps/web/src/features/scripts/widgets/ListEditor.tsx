/**
 * A list of strings, colours, references, bools or choices: one row per element with its own
 * widget, rows added and removed with buttons. Issues naming an element (`Tags[1]`) mark its row.
 */
import { elementDecl, emptyElementDraft, type Draft } from "../form/drafts.ts";
import { ScalarWidget } from "./ScalarWidget.tsx";
import { useRowEditing } from "./use-row-editing.ts";
import type { WidgetProps } from "./widget-props.ts";

export function ListEditor(props: WidgetProps<Extract<Draft, { kind: "rows" }>>) {
  const { draft, controlId } = props;
  const element = elementDecl(props.param);
  const rows = useRowEditing(
    draft.rows, (next) => props.onChange({ kind: "rows", rows: next }), () => emptyElementDraft(props.param), (i) => `${controlId}-${i}`, controlId,
  );

  return (
    <div role="group" id={controlId} aria-label={props.label} aria-describedby={props.describedBy} className="param-list">
      {draft.rows.length === 0 && <p className="param-list-empty">No items.</p>}
      {draft.rows.map((row, i) => (
        <div className="param-list-row" key={i}>
          <ScalarWidget
            param={element} draft={row} label={`Item ${i + 1}`} controlId={`${controlId}-${i}`} describedBy={props.describedBy}
            disabled={props.disabled} required={false} invalid={props.invalidRows.has(i)} invalidRows={new Set()}
            onChange={(d) => rows.replace(i, d)}
          />
          <button type="button" className="param-row-remove" aria-label={`Remove item ${i + 1}`} disabled={props.disabled} onClick={() => rows.remove(i)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
      <button type="button" id={`${controlId}-add`} className="param-row-add" disabled={props.disabled} onClick={rows.add}>+ Add item</button>
    </div>
  );
}
