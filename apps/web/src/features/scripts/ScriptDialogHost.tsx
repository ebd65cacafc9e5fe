/** Shows the script form when one is open (owned by the scripts feature). */
export function ScriptDialogHost() {
  return null;
}
