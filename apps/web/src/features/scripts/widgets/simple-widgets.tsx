/**
 * The one-control widgets: text (string, and `Type:ID` object references), number (long/int with
 * step 1, float with any step; min/max as attributes), a choice among `values`, and a checkbox.
 */
import type { FormEvent } from "react";
import type { Draft } from "../form/drafts.ts";
import { controlAttrs, type WidgetProps } from "./widget-props.ts";

type Of<K extends Draft["kind"]> = WidgetProps<Extract<Draft, { kind: K }>>;

function placeholderOf(props: Of<"text">): string | undefined {
  const types = props.param.objectTypes;
  if (props.param.type === "object") return `${types?.[0] ?? "Image"}:ID`;
  return undefined;
}

export function TextInput(props: Of<"text">) {
  return (
    <input
      type="text" {...controlAttrs(props)} value={props.draft.text} placeholder={placeholderOf(props)}
      spellCheck={props.param.type === "string"} autoComplete="off"
      onChange={(e) => props.onChange({ kind: "text", text: e.target.value })}
    />
  );
}

export function NumberInput(props: Of<"number">) {
  const { param } = props;
  // A number input whose text the browser cannot read reports value "" and `badInput`; React
  // sends no change event then (the value did not change), so `input` events are read too.
  const read = (e: FormEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    props.onChange({ kind: "number", text: el.value, badInput: el.validity?.badInput === true });
  };
  return (
    <input
      type="number" {...controlAttrs(props)} className="param-number" value={props.draft.text}
      step={param.type === "float" ? "any" : 1} min={param.min} max={param.max}
      onChange={read} onInput={read}
    />
  );
}

export function ChoiceSelect(props: Of<"choice">) {
  const values = props.param.values ?? [];
  return (
    <select {...controlAttrs(props)} value={String(props.draft.index)} onChange={(e) => props.onChange({ kind: "choice", index: Number(e.target.value) })}>
      {(props.draft.index < 0 || props.param.optional) && <option value="-1">{props.param.optional ? "(none)" : "Choose…"}</option>}
      {values.map((v, i) => <option key={i} value={String(i)}>{String(v)}</option>)}
    </select>
  );
}

export function Checkbox(props: Of<"bool">) {
  const { "aria-required": _notForCheckbox, ...attrs } = controlAttrs(props);
  return (
    <input type="checkbox" {...attrs} checked={props.draft.checked} onChange={(e) => props.onChange({ kind: "bool", checked: e.target.checked })} />
  );
}
