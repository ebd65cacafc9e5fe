import { describe, expect, it } from "vitest";
import {
  clickSelect, extendSelect, moveFocus, NO_SELECTION, rangeBetween, selectAll, toggleSelect, type GridSelection,
} from "./multi-select.ts";

const IDS = [11, 12, 13, 14, 15, 16];
const plain = { toggle: false, range: false };
const ctrl = { toggle: true, range: false };
const shift = { toggle: false, range: true };
const ctrlShift = { toggle: true, range: true };

describe("thumbnail multi-select", () => {
  it("a plain click selects only the clicked image and anchors there", () => {
    const s = clickSelect(IDS, { selected: [11, 12], anchor: 11 }, 14, plain);
    expect(s).toEqual({ selected: [14], anchor: 14 });
  });

  it("Ctrl/Cmd-click toggles one image and keeps the others, in display order", () => {
    let s: GridSelection = clickSelect(IDS, NO_SELECTION, 14, plain);
    s = clickSelect(IDS, s, 12, ctrl);
    expect(s).toEqual({ selected: [12, 14], anchor: 12 });
    s = clickSelect(IDS, s, 14, ctrl);
    expect(s).toEqual({ selected: [12], anchor: 14 });
  });

  it("Shift-click selects the range from the anchor, either direction, and pivots on the same anchor", () => {
    const start = clickSelect(IDS, NO_SELECTION, 13, plain);
    const down = clickSelect(IDS, start, 15, shift);
    expect(down).toEqual({ selected: [13, 14, 15], anchor: 13 });
    const up = clickSelect(IDS, down, 11, shift);
    expect(up).toEqual({ selected: [11, 12, 13], anchor: 13 });
  });

  it("Ctrl+Shift-click adds the range to what was selected", () => {
    let s = clickSelect(IDS, NO_SELECTION, 11, plain);
    s = clickSelect(IDS, s, 14, ctrl);
    s = clickSelect(IDS, s, 16, ctrlShift);
    expect(s.selected).toEqual([11, 14, 15, 16]);
  });

  it("Shift-click without an anchor selects just the clicked image", () => {
    expect(clickSelect(IDS, NO_SELECTION, 13, shift)).toEqual({ selected: [13], anchor: 13 });
    expect(rangeBetween(IDS, 99, 13)).toEqual([13]);
  });

  it("ignores ids that are not shown and drops stale ones from the result", () => {
    const s = { selected: [12], anchor: 12 };
    expect(clickSelect(IDS, s, 99, plain)).toBe(s);
    expect(toggleSelect(IDS, { selected: [99, 12], anchor: null }, 13).selected).toEqual([12, 13]);
  });

  it("Space toggles, Shift+arrow extends, Ctrl+A selects everything", () => {
    let s = toggleSelect(IDS, NO_SELECTION, 12);
    expect(s.selected).toEqual([12]);
    s = extendSelect(IDS, s, 14);
    expect(s.selected).toEqual([12, 13, 14]);
    expect(selectAll(IDS, s)).toEqual({ selected: IDS, anchor: 12 });
    expect(toggleSelect(IDS, s, 13).selected).toEqual([12, 14]);
  });
});

describe("grid focus movement", () => {
  it("moves by one horizontally and by a row vertically, clamping at the ends", () => {
    expect(moveFocus(0, "ArrowRight", 4, 10)).toBe(1);
    expect(moveFocus(0, "ArrowLeft", 4, 10)).toBe(0);
    expect(moveFocus(9, "ArrowRight", 4, 10)).toBe(9);
    expect(moveFocus(1, "ArrowDown", 4, 10)).toBe(5);
    expect(moveFocus(5, "ArrowUp", 4, 10)).toBe(1);
    // No item below in the last, partial row: focus stays put.
    expect(moveFocus(7, "ArrowDown", 4, 10)).toBe(7);
    expect(moveFocus(2, "ArrowUp", 4, 10)).toBe(2);
    expect(moveFocus(4, "Home", 4, 10)).toBe(0);
    expect(moveFocus(4, "End", 4, 10)).toBe(9);
    expect(moveFocus(0, "PageDown", 2, 10)).toBe(6);
    expect(moveFocus(0, "ArrowDown", 0, 3)).toBe(1);
    expect(moveFocus(0, "ArrowDown", 3, 0)).toBe(-1);
  });
});
