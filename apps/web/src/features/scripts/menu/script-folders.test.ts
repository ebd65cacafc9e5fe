/** The Scripts menu's grouping by folder and its filter. */
import { describe, expect, it } from "vitest";
import type { ScriptDto } from "@fovea/model";
import { folderLabel, groupScripts } from "./script-folders.ts";

let nextId = 1;
function script(title: string, folder: string, more: Partial<ScriptDto> = {}): ScriptDto {
  const id = nextId++;
  return {
    type: "Script", id, name: title.replace(/ /g, "_"), title, description: `${title} does things`, folder, language: "typescript",
    official: true, enabled: true, runnable: true, ownerId: 1, authors: [], institutions: [], contact: "", version: "1.0.0", sha256: "0".repeat(64),
    timeoutSeconds: null, rerunnable: false, params: [], createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z", ...more,
  };
}

describe("scripts menu grouping", () => {
  const scripts = [
    script("Kymograph", "analysis_scripts"), script("Hello World", "util_scripts"), script("Batch ROI Export", "export_scripts"),
    script("Kymograph Analysis", "analysis_scripts"), script("Old", "util_scripts", { enabled: false, runnable: false }), script("Loose", ""),
    script("Mine, switched off", "util_scripts", { official: false, runnable: false }),
  ];

  it("groups runnable scripts by folder, folders and titles sorted, unfiled last", () => {
    const groups = groupScripts(scripts);
    expect(groups.map((g) => [g.folder, g.label, g.scripts.map((s) => s.title)])).toEqual([
      ["analysis_scripts", "Analysis scripts", ["Kymograph", "Kymograph Analysis"]],
      ["export_scripts", "Export scripts", ["Batch ROI Export"]],
      ["util_scripts", "Util scripts", ["Hello World"]],
      ["", "Other scripts", ["Loose"]],
    ]);
  });

  it("filters by title, name, folder or description, ignoring case", () => {
    expect(groupScripts(scripts, "KYMO").flatMap((g) => g.scripts.map((s) => s.title))).toEqual(["Kymograph", "Kymograph Analysis"]);
    expect(groupScripts(scripts, "export_").map((g) => g.folder)).toEqual(["export_scripts"]);
    expect(groupScripts(scripts, "nothing like it")).toEqual([]);
  });

  it("shows nested folders part by part", () => {
    expect(folderLabel("util_scripts/io-tools")).toBe("Util scripts / Io tools");
  });
});
