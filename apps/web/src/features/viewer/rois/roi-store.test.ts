import { describe, expect, it } from "vitest";
import { addDrawnShape, createRoiStore, deleteSelected, selectShapes } from "./roi-store.ts";

const LINE = { kind: "Line", x1: 1, y1: 2, x2: 3, y2: 4 } as const;

describe("the ROI panel's store", () => {
  it("records the plane on show, and the channel only when exactly one is on", () => {
    const store = createRoiStore();
    addDrawnShape(store, LINE, { z: 4, t: 2, activeChannels: [3] });
    addDrawnShape(store, LINE, { z: 4, t: 2, activeChannels: [0, 3] });
    addDrawnShape(store, LINE, { z: 0, t: 0, activeChannels: [] });
    expect(store.get().drafts.map((d) => d.shape)).toEqual([
      { ...LINE, z: 4, t: 2, c: 3 },
      { ...LINE, z: 4, t: 2 },
      { ...LINE, z: 0, t: 0 },
    ]);
    // The shape just drawn is the selection.
    expect([...store.get().selected]).toEqual([store.get().drafts[2]!.key]);
  });

  it("replaces or toggles the selection and deletes what is selected", () => {
    const store = createRoiStore();
    for (let i = 0; i < 3; i++) addDrawnShape(store, LINE, { z: 0, t: 0, activeChannels: [] });
    const [a, b, c] = store.get().drafts.map((d) => d.key);
    selectShapes(store, [a!]);
    selectShapes(store, [b!], true);
    expect([...store.get().selected]).toEqual([a, b]);
    selectShapes(store, [a!], true);
    expect([...store.get().selected]).toEqual([b]);
    deleteSelected(store);
    expect(store.get().drafts.map((d) => d.key)).toEqual([a, c]);
    expect(store.get().selected.size).toBe(0);
  });
});
