/**
 * The Scripts menu's contents (SPEC §6): the runnable scripts grouped by folder, folders and
 * titles in alphabetical order, narrowed by the filter text. Disabled scripts (which script
 * managers also receive) are not offered.
 */
import type { ScriptDto } from "@fovea/model";

export interface ScriptFolder {
  /** The raw folder path, e.g. `export_scripts` (what `--folder` and the CLI use). */
  readonly folder: string;
  /** Shown as the group's heading, e.g. "Export scripts". */
  readonly label: string;
  readonly scripts: readonly ScriptDto[];
}

/** `export_scripts` → "Export scripts"; `util_scripts/io` → "Util scripts / Io"; "" → "Other scripts". */
export function folderLabel(folder: string): string {
  if (folder.trim() === "") return "Other scripts";
  return folder.split("/").map((part) => {
    const words = part.replace(/[_-]+/g, " ").trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }).join(" / ");
}

function matches(script: ScriptDto, needle: string): boolean {
  if (needle === "") return true;
  return [script.title, script.name, script.folder, script.description].some((s) => s.toLowerCase().includes(needle));
}

export function groupScripts(scripts: readonly ScriptDto[], filter = ""): ScriptFolder[] {
  const needle = filter.trim().toLowerCase();
  const byFolder = new Map<string, ScriptDto[]>();
  for (const s of scripts) {
    // Not offered: disabled scripts, and user scripts while the server does not run them.
    if (!s.runnable || !matches(s, needle)) continue;
    byFolder.set(s.folder, [...(byFolder.get(s.folder) ?? []), s]);
  }
  return [...byFolder.entries()]
    .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
    .map(([folder, list]) => ({
      folder,
      label: folderLabel(folder),
      scripts: [...list].sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id),
    }));
}
