import { describe, expect, it } from "vitest";
import {
  channelCssColor, formatBytes, formatDateTime, formatDimensions, formatFieldOfView, formatPhysicalSize,
  formatTimeIncrement, formatWavelength, formatWindow, NOT_CALIBRATED, plural,
} from "./metadata-format.ts";

describe("image metadata wording", () => {
  it("writes physical sizes with their unit, without float noise", () => {
    expect(formatPhysicalSize(0.1075, "µm")).toBe("0.1075 µm");
    expect(formatPhysicalSize(0.16, "µm")).toBe("0.16 µm");
    expect(formatPhysicalSize(0.1 + 0.2, "µm")).toBe("0.3 µm");
    expect(formatPhysicalSize(2, "nm")).toBe("2 nm");
    expect(formatPhysicalSize(0.5, "")).toBe("0.5 µm");
  });

  it("says 'not calibrated' when the file gave no size (or a meaningless one)", () => {
    expect(formatPhysicalSize(null, "µm")).toBe(NOT_CALIBRATED);
    expect(formatPhysicalSize(0, "µm")).toBe(NOT_CALIBRATED);
    expect(formatPhysicalSize(-1, "µm")).toBe(NOT_CALIBRATED);
    expect(NOT_CALIBRATED).toBe("not calibrated");
  });

  it("writes dimensions as X × Y × Z × C × T and the field of view when calibrated", () => {
    const img = { sizeX: 512, sizeY: 512, sizeZ: 9, sizeC: 4, sizeT: 1, physicalSizeX: 0.1075, physicalSizeY: 0.1075, physicalSizeUnit: "µm" };
    expect(formatDimensions(img)).toBe("512 × 512 × 9 × 4 × 1");
    expect(formatFieldOfView(img)).toBe("55.04 × 55.04 µm");
    expect(formatFieldOfView({ ...img, physicalSizeY: null })).toBeNull();
  });

  it("writes time increments in a fitting unit", () => {
    expect(formatTimeIncrement(0.5)).toBe("500 ms");
    expect(formatTimeIncrement(2.5)).toBe("2.5 s");
    expect(formatTimeIncrement(150)).toBe("2 min 30 s");
    expect(formatTimeIncrement(120)).toBe("2 min");
    expect(formatTimeIncrement(0.00002)).toBe("20 µs");
    expect(formatTimeIncrement(null)).toBe("not set");
  });

  it("writes channels' wavelengths, windows and colours", () => {
    expect(formatWavelength(461)).toBe("461 nm");
    expect(formatWavelength(null)).toBe("—");
    expect(formatWindow({ windowStart: 120, windowEnd: 3400.456 })).toBe("120 – 3400.46");
    expect(formatWindow({ windowStart: null, windowEnd: 10 })).toBe("auto");
    expect(channelCssColor("00FF00")).toBe("#00FF00");
    expect(channelCssColor("#0000ff")).toBe("#0000ff");
    expect(channelCssColor("nonsense")).toBe("#808080");
  });

  it("writes file sizes, dates and counts", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(14_540)).toBe("14.2 KB");
    expect(formatBytes(3 * 1024 * 1024 + 200_000)).toBe("3.2 MB");
    expect(formatBytes(250 * 1024 * 1024)).toBe("250 MB");
    expect(formatDateTime(null)).toBe("unknown");
    expect(formatDateTime("not a date")).toBe("not a date");
    expect(formatDateTime("2024-03-05T14:07:00Z", "en-GB")).toMatch(/5 Mar 2024/);
    expect(plural(1, "image")).toBe("1 image");
    expect(plural(4, "image")).toBe("4 images");
  });
});
