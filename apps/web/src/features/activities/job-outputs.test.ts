import { describe, expect, it } from "vitest";
import { classifyOutputs, hasResults, isSafeHref, outputLabel } from "./job-outputs.ts";

describe("classifyOutputs", () => {
  it("sorts the outputs of a Batch_ROI_Export-like job into message, files, images, links and values", () => {
    const r = classifyOutputs({
      Message: "Exported 8 shapes",
      File_Annotation: { type: "FileAnnotation", id: 4 },
      New_Image: { type: "Image", id: 12 },
      First_Image: { type: "Image", id: 13 },
      Docs: { kind: "url", href: "https://example.org/docs", title: "Read more" },
      Plain_Link: { kind: "url", href: "https://example.org/" },
      Roi: { type: "Roi", id: 9 },
      Count: 8,
      Done: false,
      Note: "text",
    });
    expect(r.message).toBe("Exported 8 shapes");
    expect(r.files).toEqual([{ name: "File_Annotation", id: 4 }]);
    expect(r.images).toEqual([{ name: "New_Image", id: 12 }, { name: "First_Image", id: 13 }]);
    expect(r.urls).toEqual([
      { name: "Docs", href: "https://example.org/docs", title: "Read more" },
      { name: "Plain_Link", href: "https://example.org/", title: "Plain Link" },
    ]);
    expect(r.refs).toEqual([{ name: "Roi", ref: { type: "Roi", id: 9 } }]);
    expect(r.scalars).toEqual([{ name: "Count", value: "8" }, { name: "Done", value: "false" }, { name: "Note", value: "text" }]);
  });

  it("does not take look-alikes for references or links", () => {
    const r = classifyOutputs({
      Fake: { type: "Spaceship", id: 3 }, Zero: { type: "Image", id: 0 }, Evil: { kind: "url", href: "javascript:alert(1)" },
      Message: 42,
    });
    expect(r.files).toEqual([]);
    expect(r.images).toEqual([]);
    expect(r.urls).toEqual([]);
    expect(r.message).toBeUndefined();
    expect(r.scalars.map((s) => s.name)).toEqual(["Fake", "Zero", "Evil", "Message"]);
  });

  it("reports nothing to show for empty outputs", () => {
    expect(hasResults(classifyOutputs({}))).toBe(false);
    expect(hasResults(classifyOutputs({ Message: "" }))).toBe(true);
  });
});

describe("isSafeHref and outputLabel", () => {
  it("accepts web links only", () => {
    expect(isSafeHref("https://x.org/a")).toBe(true);
    expect(isSafeHref("/relative/path")).toBe(true);
    expect(isSafeHref("javascript:alert(1)")).toBe(false);
    expect(isSafeHref("data:text/html,hi")).toBe(false);
  });
  it("spells parameter-style names as words", () => {
    expect(outputLabel("File_Annotation")).toBe("File Annotation");
  });
});
