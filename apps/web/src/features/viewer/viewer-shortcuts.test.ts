import { describe, expect, it } from "vitest";
import { shortcutFor, type KeyLike } from "./viewer-shortcuts.ts";

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, target: document.body, ...extra,
});

describe("viewer shortcuts", () => {
  it("move Z and T with Shift+arrows (plain arrows pan the map)", () => {
    expect(shortcutFor(key("ArrowUp", { shiftKey: true }))).toEqual({ kind: "z", delta: 1 });
    expect(shortcutFor(key("ArrowLeft", { shiftKey: true }))).toEqual({ kind: "t", delta: -1 });
    expect(shortcutFor(key("PageDown"))).toEqual({ kind: "z", delta: -1 });
    expect(shortcutFor(key("ArrowUp"))).toBeNull();
  });

  it("fit, actual size and help", () => {
    expect(shortcutFor(key("f"))).toEqual({ kind: "fit" });
    expect(shortcutFor(key("0"))).toEqual({ kind: "actual-size" });
    expect(shortcutFor(key("?", { shiftKey: true }))).toEqual({ kind: "help" });
    expect(shortcutFor(key("f", { ctrlKey: true }))).toBeNull();
  });

  it("leave keys typed into text fields alone, and arrows to a focused slider", () => {
    const input = document.createElement("input");
    expect(shortcutFor(key("f", { target: input }))).toBeNull();
    expect(shortcutFor(key("ArrowUp", { shiftKey: true, target: input }))).toBeNull();
    const slider = document.createElement("input");
    slider.type = "range";
    expect(shortcutFor(key("f", { target: slider }))).toEqual({ kind: "fit" });
    expect(shortcutFor(key("ArrowUp", { shiftKey: true, target: slider }))).toBeNull();
    expect(shortcutFor(key("PageUp", { target: slider }))).toBeNull();
  });
});
