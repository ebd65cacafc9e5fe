import { describe, expect, it } from "vitest";
import { roundLengthBelow, scaleBarFor } from "./scale-bar.ts";

describe("scale bar", () => {
  it("rounds down to 1, 2 or 5 × 10^k", () => {
    expect(roundLengthBelow(7.3)).toBe(5);
    expect(roundLengthBelow(19.9)).toBe(10);
    expect(roundLengthBelow(0.034)).toBe(0.02);
    expect(roundLengthBelow(2000)).toBe(2000);
  });

  it("draws a bar whose width is its length at the current zoom", () => {
    // 0.1075 µm/px at 1:1: 140 px = 15.05 µm → a 10 µm bar of 93 px.
    const bar = scaleBarFor(0.1075, 1, "µm");
    expect(bar?.label).toBe("10 µm");
    expect(bar?.widthPx).toBeCloseTo(10 / 0.1075, 6);
    // Zoomed in 8×: 140 px = 1.88 µm → 1 µm; zoomed in 64×: → 200 nm.
    expect(scaleBarFor(0.1075, 1 / 8, "µm")?.label).toBe("1 µm");
    expect(scaleBarFor(0.1075, 1 / 64, "µm")?.label).toBe("200 nm");
    expect(scaleBarFor(2, 8, "µm")?.label).toBe("2 mm");
    expect(scaleBarFor(0.5, 1, "nm")?.label).toBe("50 nm");
  });

  it("gives none without a calibration", () => {
    expect(scaleBarFor(0, 1, "µm")).toBeNull();
    expect(scaleBarFor(Number.NaN, 1, "µm")).toBeNull();
  });
});
