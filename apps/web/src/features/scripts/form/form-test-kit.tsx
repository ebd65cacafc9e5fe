/**
 * Test helpers for the form's component tests: a declaration with a parameter of every type, and
 * a render of the form with its Run button whose `launch` is a strict recorder (each call is
 * kept; the tests assert when there must be none).
 */
import { render } from "@testing-library/react";
import type { ParamDecl } from "@fovea/model";
import type { Selection } from "../../../state/selection.ts";
import { initialDrafts } from "./initial-drafts.ts";
import { ScriptForm } from "./ScriptForm.tsx";

export const EVERY_TYPE: ParamDecl[] = [
  { name: "Data_Type", type: "string", values: ["Dataset", "Image"], default: "Image", grouping: "1", description: "The type of the objects in IDs." },
  { name: "IDs", type: "list", element: "long", grouping: "2" },
  { name: "Label", type: "string", grouping: "3", description: "A label for the output." },
  { name: "Count", type: "int", min: 1, max: 10, default: 3, grouping: "4" },
  { name: "Big", type: "long", optional: true, grouping: "5" },
  { name: "Ratio", type: "float", min: 0, max: 1, default: 0.5, grouping: "6" },
  { name: "Advanced", type: "bool", default: false, grouping: "7" },
  { name: "Threshold", type: "int", min: 0, grouping: "7.1" },
  { name: "Scores", type: "list", element: "int", min: 0, optional: true, grouping: "8" },
  { name: "Tags", type: "list", element: "string", optional: true, grouping: "9" },
  { name: "Meta", type: "map", optional: true, grouping: "10" },
  { name: "Colour", type: "color", default: "#FF0000", grouping: "11" },
  { name: "Target", type: "object", objectTypes: ["Image", "Dataset"], optional: true, grouping: "12" },
  { name: "Input_File", type: "file", optional: true, grouping: "13" },
];

export interface RenderedForm {
  /** Every launch the form asked for, in order. */
  readonly launches: Record<string, unknown>[];
}

export function renderForm(
  params: ParamDecl[] = EVERY_TYPE,
  options: { selection?: Selection; inputs?: Record<string, unknown>; launch?: (inputs: Record<string, unknown>) => Promise<void> } = {},
): RenderedForm {
  const launches: Record<string, unknown>[] = [];
  const launch = async (inputs: Record<string, unknown>) => {
    launches.push(inputs);
    await options.launch?.(inputs);
  };
  const start = initialDrafts(params, options.selection ?? null, options.inputs);
  render(
    <>
      <ScriptForm script={{ title: "Every Type", params }} start={start} formId="f" launch={launch} />
      <button type="submit" form="f">Run</button>
    </>,
  );
  return { launches };
}

/** The field container of a parameter (label, widget, help and errors). */
export function fieldOf(name: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`[data-param="${name}"]`);
  if (!el) throw new Error(`no field ${name}`);
  return el;
}
