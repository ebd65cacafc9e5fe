import { describe, expect, it } from "vitest";
import { followNavigation, viewerOriginDataset } from "./viewer-origin.ts";

describe("viewer origin", () => {
  it("remembers the dataset the viewer was opened from, through Previous / Next", () => {
    followNavigation("#/data/dataset/3", "#/viewer/12");
    expect(viewerOriginDataset()).toBe(3);
    followNavigation("#/viewer/12", "#/viewer/13");
    expect(viewerOriginDataset()).toBe(3);
    followNavigation("#/viewer/13", "#/data");
    expect(viewerOriginDataset()).toBeUndefined();
    followNavigation("#/data/project/1", "#/viewer/12");
    expect(viewerOriginDataset()).toBeUndefined();
  });
});
