import { describe, expect, it } from "vitest";
import { calibrationOf, channelLabel, formatQuantity, measureOf, planeLabel } from "./measure-format.ts";

const HELA = { physicalSizeX: 0.1075, physicalSizeY: 0.1075, physicalSizeUnit: "µm" };
const RAW = { physicalSizeX: null, physicalSizeY: null, physicalSizeUnit: "µm" };

describe("ROI table measures", () => {
  it("gives a line's length in µm on a calibrated image", () => {
    const m = measureOf({ kind: "Line", x1: 100, y1: 100, x2: 400, y2: 300 }, calibrationOf(HELA));
    expect(m?.quantity).toBe("length");
    expect(m?.value).toBeCloseTo(Math.hypot(300, 200) * 0.1075, 12);
    expect(m?.text).toBe("38.76 µm");
  });

  it("gives areas in µm² and falls back to pixels when the image is not calibrated", () => {
    expect(measureOf({ kind: "Rectangle", x: 0, y: 0, width: 100, height: 10 }, calibrationOf(HELA))?.text).toBe("11.56 µm²");
    expect(measureOf({ kind: "Rectangle", x: 0, y: 0, width: 100, height: 10 }, calibrationOf(RAW))?.text).toBe("1,000.00 px²");
    expect(measureOf({ kind: "Polyline", points: [[0, 0], [3, 4], [3, 10]] }, calibrationOf(RAW))?.text).toBe("11.00 px");
    expect(measureOf({ kind: "Ellipse", x: 0, y: 0, radiusX: 2, radiusY: 1 }, calibrationOf(RAW))?.value).toBeCloseTo(2 * Math.PI, 12);
  });

  it("does not mix units when only one axis is calibrated", () => {
    expect(calibrationOf({ physicalSizeX: 0.2, physicalSizeY: null, physicalSizeUnit: "µm" })).toEqual({ size: {}, unit: "px" });
  });

  it("has no measure for points and labels", () => {
    expect(measureOf({ kind: "Point", x: 1, y: 1 }, calibrationOf(HELA))).toBeUndefined();
    expect(measureOf({ kind: "Label", x: 1, y: 1, text: "a" }, calibrationOf(HELA))).toBeUndefined();
  });

  it("shows planes and channels 1-based, or all", () => {
    expect(planeLabel(0)).toBe("1");
    expect(planeLabel(undefined)).toBe("all");
    const channels = [{ index: 3, name: "CY5", color: "FF0000", emissionWavelength: null, windowStart: null, windowEnd: null, min: null, max: null }];
    expect(channelLabel(3, channels)).toBe("4 · CY5");
    expect(channelLabel(1, channels)).toBe("2");
    expect(channelLabel(undefined, channels)).toBe("all");
    expect(formatQuantity(3.4249, "µm", false)).toBe("3.42 µm");
  });
});
