import { describe, expect, it } from "vitest";
import { FoveaError } from "@fovea/model";
import { formatDate, scriptRefusalText, shortSha, uploadFieldsOf } from "./script-format.ts";

describe("upload fields", () => {
  it("sends the folder only when one was typed", () => {
    expect(uploadFieldsOf(true, "")).toEqual({ official: true });
    expect(uploadFieldsOf(true, "  ")).toEqual({ official: true });
    expect(uploadFieldsOf(false, " lab_scripts ")).toEqual({ official: false, folder: "lab_scripts" });
  });
});

describe("script refusals", () => {
  it("keeps the script's own error in full, line and column markers included", () => {
    const message = 'Bad.ts does not compile:\n✘ [ERROR] Unexpected "}"\n\n    Bad.ts:4:23:\n      4 │   params: { X: p.long( },\n        ╵                        ^';
    expect(scriptRefusalText(new FoveaError("SCRIPT_INVALID", message, { details: [{ field: "Bad.ts:4:23", message: 'Unexpected "}"' }] }))).toBe(message);
  });

  it("is undefined for other refusals, which are shown as ordinary errors", () => {
    expect(scriptRefusalText(new FoveaError("PRIVILEGE_REQUIRED", "needs UploadScripts"))).toBeUndefined();
    expect(scriptRefusalText(new Error("network"))).toBeUndefined();
  });
});

describe("display", () => {
  it("shortens a hash and leaves an unreadable date as it came", () => {
    expect(shortSha("0123456789abcdef".repeat(4))).toBe("0123456789");
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatDate("2026-03-04T05:06:07.000Z")).toMatch(/2026/);
  });
});
