/** A map (text keys to text values): key/value rows, added and removed with buttons. */
import type { Draft, MapRow } from "../form/drafts.ts";
import { useRowEditing } from "./use-row-editing.ts";
import type { WidgetProps } from "./widget-props.ts";

export function MapEditor(props: WidgetProps<Extract<Draft, { kind: "map" }>>) {
  const { draft, controlId } = props;
  const rows = useRowEditing<MapRow>(
    draft.rows, (next) => props.onChange({ kind: "map", rows: next }), () => ({ key: "", value: "" }), (i) => `${controlId}-key-${i}`, controlId,
  );
  const edit = (i: number, change: Partial<MapRow>) => rows.replace(i, { ...draft.rows[i]!, ...change });

  return (
    <div role="group" id={controlId} aria-label={props.label} aria-describedby={props.describedBy} className="param-map">
      {draft.rows.length === 0 && <p className="param-list-empty">No entries.</p>}
      {draft.rows.map((row, i) => (
        <div className="param-map-row" key={i}>
          <input
            type="text" id={`${controlId}-key-${i}`} aria-label={`Key ${i + 1}`} placeholder="key" value={row.key} disabled={props.disabled}
            aria-invalid={props.invalid || undefined} aria-describedby={props.describedBy} autoComplete="off"
            onChange={(e) => edit(i, { key: e.target.value })}
          />
          <span className="param-map-arrow" aria-hidden="true">→</span>
          <input
            type="text" aria-label={`Value ${i + 1}`} placeholder="value" value={row.value} disabled={props.disabled}
            aria-describedby={props.describedBy} autoComplete="off"
            onChange={(e) => edit(i, { value: e.target.value })}
          />
          <button type="button" className="param-row-remove" aria-label={`Remove entry ${i + 1}`} disabled={props.disabled} onClick={() => rows.remove(i)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
      <button type="button" id={`${controlId}-add`} className="param-row-add" disabled={props.disabled} onClick={rows.add}>+ Add entry</button>
    </div>
  );
}
