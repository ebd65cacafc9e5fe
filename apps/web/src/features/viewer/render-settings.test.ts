import { describe, expect, it } from "vitest";
import type { ImageDto } from "@fovea/model";
import { channelBounds } from "./channel-bounds.ts";
import { activeIndices, channelParam, initialRenderSettings, renderSettingsReducer, settingsKey } from "./render-settings.ts";

const channel = (index: number, name: string, color: string, windowStart: number | null, windowEnd: number | null) => ({
  index, name, color, emissionWavelength: null, windowStart, windowEnd, min: 100, max: 3000,
});

const image = {
  id: 1, name: "cells", sizeX: 512, sizeY: 512, sizeZ: 9, sizeC: 4, sizeT: 1, pixelType: "uint16",
  channels: [
    channel(0, "DAPI", "0000FF", 150, 2600), channel(1, "FITC", "00ff00", 150, 700),
    channel(2, "TRITC", "FF0000", 150, 900), channel(3, "CY5", "FF00FF", null, null),
  ],
} as unknown as ImageDto;

const reduce = renderSettingsReducer(image);

describe("render settings", () => {
  it("start from the stored windows (min/max where none), every channel on, at the middle Z", () => {
    const s = initialRenderSettings(image);
    expect(s.z).toBe(4);
    expect(s.t).toBe(0);
    expect(s.channels[1]).toEqual({ active: true, color: "00FF00", start: 150, end: 700 });
    expect(s.channels[3]).toEqual({ active: true, color: "FF00FF", start: 100, end: 3000 });
  });

  it("write OMERO's c parameter: 1-based, off channels as -n without window", () => {
    let s = initialRenderSettings(image);
    expect(channelParam(s.channels)).toBe("1|150:2600$0000FF,2|150:700$00FF00,3|150:900$FF0000,4|100:3000$FF00FF");
    s = reduce(s, { kind: "solo", index: 3 });
    expect(channelParam(s.channels)).toBe("-1,-2,-3,4|100:3000$FF00FF");
    expect(activeIndices(s.channels)).toEqual([3]);
    s = reduce(s, { kind: "color", index: 3, color: "#12ab34" });
    s = reduce(s, { kind: "window", index: 3, start: 120.25 });
    expect(channelParam(s.channels)).toBe("-1,-2,-3,4|120.25:3000$12AB34");
    expect(settingsKey(s)).toBe("z=4&t=0&c=-1,-2,-3,4|120.25:3000$12AB34");
  });

  it("never invert a window: the moved end pushes the other along", () => {
    let s = initialRenderSettings(image);
    s = reduce(s, { kind: "window", index: 1, start: 900 });
    expect(s.channels[1]).toMatchObject({ start: 900, end: 900 });
    s = reduce(s, { kind: "window", index: 1, end: 200 });
    expect(s.channels[1]).toMatchObject({ start: 200, end: 200 });
  });

  it("keep the plane within the image, and wrap T for playback", () => {
    let s = initialRenderSettings(image);
    s = reduce(s, { kind: "plane", z: 42 });
    expect(s.z).toBe(8);
    s = reduce(s, { kind: "step", axis: "z", delta: 1 });
    expect(s.z).toBe(8);
    const movie = renderSettingsReducer({ sizeZ: 1, sizeT: 3 });
    let m = { ...s, z: 0, t: 2 };
    m = movie(m, { kind: "step", axis: "t", delta: 1, wrap: true });
    expect(m.t).toBe(0);
    m = movie(m, { kind: "step", axis: "t", delta: -1 });
    expect(m.t).toBe(0);
  });

  it("bound window sliders by the channel's min/max, widened to hold the default window", () => {
    expect(channelBounds({ min: 100, max: 3000, windowStart: 50, windowEnd: 2000 }, "uint16")).toEqual({ min: 50, max: 3000, step: 1 });
    expect(channelBounds({ min: null, max: null, windowStart: null, windowEnd: null }, "uint8")).toEqual({ min: 0, max: 255, step: 1 });
    expect(channelBounds({ min: 7, max: 7, windowStart: null, windowEnd: null }, "int16")).toEqual({ min: 7, max: 8, step: 1 });
    expect(channelBounds({ min: -0.5, max: 1.5, windowStart: null, windowEnd: null }, "float32")).toEqual({ min: -0.5, max: 1.5, step: 0.002 });
  });
});
