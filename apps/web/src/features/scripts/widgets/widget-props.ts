/**
 * What every parameter widget receives. The accessible name of a widget's main control is the
 * parameter's exact name (`Data_Type`, not the "Data Type" shown), so that people and tests can
 * find a field by the name the script, the CLI and error messages use.
 */
import type { ParamDecl } from "@fovea/model";
import type { Draft } from "../form/drafts.ts";

export interface WidgetProps<D extends Draft = Draft> {
  readonly param: ParamDecl;
  readonly draft: D;
  readonly onChange: (draft: Draft) => void;
  /** Accessible name of the main control: the parameter name, or "Item 2" in a list row. */
  readonly label: string;
  /** id of the main control (the visible label points at it). */
  readonly controlId: string;
  /** ids of the help text, hint and errors. */
  readonly describedBy: string | undefined;
  readonly disabled: boolean;
  readonly required: boolean;
  readonly invalid: boolean;
  /** List rows with issues (`IDs[2]` → 2), for editors that show one control per element. */
  readonly invalidRows: ReadonlySet<number>;
}

/** The ARIA and form attributes of a widget's main control. */
export function controlAttrs(props: WidgetProps) {
  return {
    id: props.controlId,
    "aria-label": props.label,
    "aria-describedby": props.describedBy,
    "aria-invalid": props.invalid || undefined,
    "aria-required": props.required || undefined,
    disabled: props.disabled,
  } as const;
}
