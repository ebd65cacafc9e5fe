/**
 * A list of numbers (`IDs`) as one text field, "1, 2, 3": quicker to type and to paste than one
 * row per id. Commas, spaces or semicolons separate the items.
 */
import type { Draft } from "../form/drafts.ts";
import { controlAttrs, type WidgetProps } from "./widget-props.ts";

export function NumberListInput(props: WidgetProps<Extract<Draft, { kind: "numberList" }>>) {
  return (
    <input
      type="text" {...controlAttrs(props)} className="param-number-list" inputMode="decimal" placeholder="1, 2, 3"
      value={props.draft.text} autoComplete="off" spellCheck={false}
      onChange={(e) => props.onChange({ kind: "numberList", text: e.target.value })}
    />
  );
}
