/** The cogs button and the scripts menu grouped by folder (owned by the scripts feature). */
export function ScriptsMenu() {
  return <button type="button" aria-haspopup="menu">⚙ Scripts</button>;
}
