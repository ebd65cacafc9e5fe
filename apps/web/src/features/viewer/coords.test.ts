import { describe, expect, it } from "vitest";
import { imageExtent, toImage, toMap } from "./coords.ts";

describe("viewer coordinates", () => {
  it("maps image pixels (y down) to map units (y up) and back", () => {
    expect(toMap([10.5, 20])).toEqual([10.5, -20]);
    expect(toImage(toMap([3, 4]))).toEqual([3, 4]);
    expect(imageExtent(512, 256)).toEqual([0, -256, 512, 0]);
  });
});
