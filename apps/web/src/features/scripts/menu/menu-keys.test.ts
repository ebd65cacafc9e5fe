/** Arrow, Home and End movement between the Scripts menu's items (across folder groups). */
import { describe, expect, it } from "vitest";
import { isPrintable, nextItem } from "./menu-keys.ts";

function menu(): { root: HTMLElement; items: HTMLElement[] } {
  const root = document.createElement("div");
  root.innerHTML = `<input><div role="group"><button role="menuitem">A</button><button role="menuitem">B</button></div>
    <div role="group"><button role="menuitem" disabled>X</button><button role="menuitem">C</button></div>`;
  return { root, items: [...root.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])')] };
}

describe("scripts menu keys", () => {
  it("moves down and up across groups, wrapping, and skips disabled items", () => {
    const { root, items: [a, b, c] } = menu();
    expect(nextItem(root, a!, "ArrowDown")).toBe(b);
    expect(nextItem(root, b!, "ArrowDown")).toBe(c);
    expect(nextItem(root, c!, "ArrowDown")).toBe(a);
    expect(nextItem(root, a!, "ArrowUp")).toBe(c);
  });

  it("enters the list from the filter box and jumps with Home and End", () => {
    const { root, items: [a, b, c] } = menu();
    expect(nextItem(root, null, "ArrowDown")).toBe(a);
    expect(nextItem(root, null, "ArrowUp")).toBe(c);
    expect(nextItem(root, null, "Home")).toBeUndefined();
    expect(nextItem(root, b!, "Home")).toBe(a);
    expect(nextItem(root, b!, "End")).toBe(c);
    expect(nextItem(root, b!, "Enter")).toBeUndefined();
  });

  it("tells typing keys from commands", () => {
    const plain = { ctrlKey: false, metaKey: false, altKey: false };
    expect(isPrintable({ key: "k", ...plain })).toBe(true);
    expect(isPrintable({ key: "k", ...plain, ctrlKey: true })).toBe(false);
    expect(isPrintable({ key: "ArrowDown", ...plain })).toBe(false);
  });
});
