import { describe, expect, it } from "vitest";
import { isCsvFile, parseCsvPreview } from "./csv-preview.ts";

describe("parseCsvPreview", () => {
  it("keeps quoted fields whole: commas, doubled quotes and line breaks inside quotes", () => {
    const text = 'image_id,image_name,text\n1,"HeLa, siRNA 01","say ""hi"""\n2,"two\nlines",\n';
    const p = parseCsvPreview(text, 50);
    expect(p.header).toEqual(["image_id", "image_name", "text"]);
    expect(p.rows).toEqual([["1", "HeLa, siRNA 01", 'say "hi"'], ["2", "two\nlines", ""]]);
    expect(p.rowCount).toBe(2);
  });

  it("counts every row but keeps only the first ones", () => {
    const text = ["a,b", ...Array.from({ length: 120 }, (_, i) => `${i},${i * 2}`)].join("\r\n");
    const p = parseCsvPreview(text, 50);
    expect(p.rowCount).toBe(120);
    expect(p.rows).toHaveLength(50);
    expect(p.rows[49]).toEqual(["49", "98"]);
  });

  it("drops a byte-order mark and blank lines, and copes with an empty file", () => {
    expect(parseCsvPreview("\uFEFFx,y\n\n1,2\n\n", 10)).toEqual({ header: ["x", "y"], rows: [["1", "2"]], rowCount: 1 });
    expect(parseCsvPreview("", 10)).toEqual({ header: [], rows: [], rowCount: 0 });
  });
});

describe("isCsvFile", () => {
  it("knows a CSV by its name or its type", () => {
    expect(isCsvFile({ name: "Batch_ROI_Export.CSV", mimeType: "application/octet-stream" })).toBe(true);
    expect(isCsvFile({ name: "export", mimeType: "text/csv; charset=utf-8" })).toBe(true);
    expect(isCsvFile({ name: "kymograph.png", mimeType: "image/png" })).toBe(false);
  });
});
