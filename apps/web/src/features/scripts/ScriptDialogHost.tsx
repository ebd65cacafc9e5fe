/** Shows the script form while `scriptDialogStore` holds a script (opened from the menu or *run again*). */
import { scriptDialogStore } from "../../state/script-dialog.ts";
import { useStore } from "../../state/store.ts";
import { ScriptFormDialog } from "./ScriptFormDialog.tsx";

export function ScriptDialogHost() {
  const open = useStore(scriptDialogStore);
  if (!open) return null;
  return <ScriptFormDialog key={open.scriptId} scriptId={open.scriptId} inputs={open.inputs} />;
}
