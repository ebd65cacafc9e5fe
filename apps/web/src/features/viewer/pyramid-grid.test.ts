import { describe, expect, it } from "vitest";
import { toMap } from "./coords.ts";
import { createPyramidTileGrid, levelOfGridZ, pyramidResolutions, tileRequest } from "./pyramid-grid.ts";

// A 5000 × 3000 image stored as 5000², 2500², 1250², 625² halvings (rounded up), tiles of 512.
const layout = {
  tileSize: 512,
  levels: [{ sizeX: 5000, sizeY: 3000 }, { sizeX: 2500, sizeY: 1500 }, { sizeX: 1250, sizeY: 750 }, { sizeX: 625, sizeY: 375 }],
};

describe("pyramid tile grid", () => {
  it("has the pyramid's resolutions, coarsest first", () => {
    expect(pyramidResolutions(layout)).toEqual([8, 4, 2, 1]);
    expect(pyramidResolutions({ tileSize: 512, levels: [{ sizeX: 512, sizeY: 512 }] })).toEqual([1]);
    expect(levelOfGridZ(layout, 0)).toBe(3);
    expect(levelOfGridZ(layout, 3)).toBe(0);
  });

  it("asks for whole tiles inside the level and clips those at its edges", () => {
    expect(tileRequest(layout, 3, 0, 0)).toEqual({ level: 0, region: { x: 0, y: 0, width: 512, height: 512 } });
    expect(tileRequest(layout, 3, 9, 5)).toEqual({ level: 0, region: { x: 4608, y: 2560, width: 392, height: 440 } });
    expect(tileRequest(layout, 0, 1, 0)).toEqual({ level: 3, region: { x: 512, y: 0, width: 113, height: 375 } });
    expect(tileRequest(layout, 3, 10, 0)).toBeNull();
    expect(tileRequest(layout, 0, 0, 1)).toBeNull();
    expect(tileRequest(layout, 4, 0, 0)).toBeNull();
  });

  it("numbers tiles from the image's top-left corner, rows going down (as the render regions do)", () => {
    const grid = createPyramidTileGrid(layout, 5000, 3000);
    // Image pixel (600, 1100) at full resolution is in tile column 1, row 2.
    expect(grid.getTileCoordForCoordAndResolution(toMap([600, 1100]), 1)).toEqual([3, 1, 2]);
    // At level 2 (resolution 4) the same point is level pixel (150, 275): tile (0, 0).
    expect(grid.getTileCoordForCoordAndResolution(toMap([600, 1100]), 4)).toEqual([1, 0, 0]);
    expect(grid.getTileCoordExtent([3, 1, 2])).toEqual([512, -1536, 1024, -1024]);
  });
});
