/**
 * A colour: the browser's picker plus the hex text, which holds the value (so a colour can be
 * typed or pasted as `#RRGGBB`). The picker shows black while the text is not a colour yet.
 */
import type { Draft } from "../form/drafts.ts";
import { controlAttrs, type WidgetProps } from "./widget-props.ts";

const HEX = /^#?([0-9a-f]{6})$/i;

export function ColorInput(props: WidgetProps<Extract<Draft, { kind: "text" }>>) {
  const hex = HEX.exec(props.draft.text.trim());
  return (
    <span className="param-color">
      <input
        type="color" aria-label="Pick a colour" title={`Pick a colour for ${props.label}`} disabled={props.disabled}
        value={hex ? `#${hex[1]!.toLowerCase()}` : "#000000"}
        onChange={(e) => props.onChange({ kind: "text", text: e.target.value.toUpperCase() })}
      />
      <input
        type="text" {...controlAttrs(props)} className="param-color-text" value={props.draft.text} placeholder="#RRGGBB"
        maxLength={7} spellCheck={false} autoComplete="off"
        onChange={(e) => props.onChange({ kind: "text", text: e.target.value })}
      />
    </span>
  );
}
