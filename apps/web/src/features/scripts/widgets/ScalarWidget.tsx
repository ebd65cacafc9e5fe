/** Picks the widget of one value (a parameter, or one row of a list) from its draft and type. */
import { ColorInput } from "./ColorInput.tsx";
import { FileInput } from "./FileInput.tsx";
import { Checkbox, ChoiceSelect, NumberInput, TextInput } from "./simple-widgets.tsx";
import type { WidgetProps } from "./widget-props.ts";

export function ScalarWidget(props: WidgetProps) {
  const { draft } = props;
  switch (draft.kind) {
    case "choice":
      return <ChoiceSelect {...props} draft={draft} />;
    case "bool":
      return <Checkbox {...props} draft={draft} />;
    case "number":
      return <NumberInput {...props} draft={draft} />;
    case "text":
      if (props.param.type === "color") return <ColorInput {...props} draft={draft} />;
      if (props.param.type === "file") return <FileInput {...props} draft={draft} />;
      return <TextInput {...props} draft={draft} />;
    default:
      // Lists and maps are not scalars; ParamWidget renders their editors.
      return null;
  }
}
