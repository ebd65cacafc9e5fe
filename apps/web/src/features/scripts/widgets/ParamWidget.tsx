/** The widget of one parameter: a list or map editor, or a scalar widget. */
import { ListEditor } from "./ListEditor.tsx";
import { MapEditor } from "./MapEditor.tsx";
import { NumberListInput } from "./NumberListInput.tsx";
import { ScalarWidget } from "./ScalarWidget.tsx";
import type { WidgetProps } from "./widget-props.ts";

export function ParamWidget(props: WidgetProps) {
  const { draft } = props;
  switch (draft.kind) {
    case "numberList":
      return <NumberListInput {...props} draft={draft} />;
    case "rows":
      return <ListEditor {...props} draft={draft} />;
    case "map":
      return <MapEditor {...props} draft={draft} />;
    default:
      return <ScalarWidget {...props} />;
  }
}
