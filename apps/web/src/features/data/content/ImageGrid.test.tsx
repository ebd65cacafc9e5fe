import { afterEach, describe, expect, it } from "vitest";
import { useState } from "react";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ImageDto } from "@fovea/model";
import { ImageGrid } from "./ImageGrid.tsx";

afterEach(cleanup);

function image(id: number): ImageDto {
  return {
    type: "Image", id, ownerId: 1, groupId: 1, createdAt: "2024-01-01T00:00:00Z", updatedAt: "2024-01-01T00:00:00Z",
    permissions: { canEdit: true, canDelete: true, canAnnotate: true, canLink: true },
    name: `cell_${id}.tif`, description: "", sizeX: 64, sizeY: 48, sizeZ: 3, sizeC: 2, sizeT: 1, pixelType: "uint16",
    physicalSizeX: null, physicalSizeY: null, physicalSizeZ: null, physicalSizeUnit: "µm", timeIncrement: null,
    format: "TIFF", acquisitionDate: null, channels: [],
  };
}

const IMAGES = [1, 2, 3, 4, 5].map(image);

/** The grid as the page uses it: the selection lives outside, in state. */
function Harness({ opened }: { opened: number[] }) {
  const [selected, setSelected] = useState<readonly number[]>([]);
  return (
    <>
      <ImageGrid label="Images in test" images={IMAGES} selected={selected} onSelect={setSelected} onOpen={(id) => opened.push(id)} />
      <output data-testid="selected">{selected.join(",")}</output>
    </>
  );
}

const option = (id: number) => screen.getByRole("option", { name: `cell_${id}.tif` });
const selectedText = () => screen.getByTestId("selected").textContent;

describe("ImageGrid", () => {
  it("is a multi-select listbox whose options are named by the images and show their sizes", () => {
    render(<Harness opened={[]} />);
    const list = screen.getByRole("listbox", { name: "Images in test" });
    expect(list.getAttribute("aria-multiselectable")).toBe("true");
    expect(screen.getAllByRole("option")).toHaveLength(5);
    expect(option(1).textContent).toContain("64 × 48 · 3 Z · 2 C");
    expect(option(1).querySelector("img")?.getAttribute("src")).toBe("/api/v1/images/1/thumbnail");
  });

  it("selects with click, Ctrl-click, Shift-click, and gives the selection back on a background click", () => {
    render(<Harness opened={[]} />);
    fireEvent.click(option(2));
    expect(selectedText()).toBe("2");
    expect(option(2).getAttribute("aria-selected")).toBe("true");
    fireEvent.click(option(4), { ctrlKey: true });
    expect(selectedText()).toBe("2,4");
    fireEvent.click(option(5), { metaKey: true });
    expect(selectedText()).toBe("2,4,5");
    fireEvent.click(option(3));
    fireEvent.click(option(5), { shiftKey: true });
    expect(selectedText()).toBe("3,4,5");
    fireEvent.click(option(1), { shiftKey: true });
    expect(selectedText()).toBe("1,2,3");
    fireEvent.click(screen.getByRole("listbox"));
    expect(selectedText()).toBe("");
    expect(option(1).getAttribute("aria-selected")).toBe("false");
  });

  it("works from the keyboard: arrows move the focus, Space toggles, Ctrl+A selects all, Enter opens, Escape clears", () => {
    const opened: number[] = [];
    render(<Harness opened={opened} />);
    const list = screen.getByRole("listbox");
    expect(option(1).tabIndex).toBe(0);
    option(1).focus();
    fireEvent.keyDown(list, { key: "ArrowRight" });
    expect(document.activeElement).toBe(option(2));
    expect(option(2).tabIndex).toBe(0);
    expect(option(1).tabIndex).toBe(-1);
    fireEvent.keyDown(list, { key: " " });
    expect(selectedText()).toBe("2");
    fireEvent.keyDown(list, { key: "ArrowRight", shiftKey: true });
    fireEvent.keyDown(list, { key: "ArrowRight", shiftKey: true });
    expect(selectedText()).toBe("2,3,4");
    fireEvent.keyDown(list, { key: " " });
    expect(selectedText()).toBe("2,3");
    fireEvent.keyDown(list, { key: "a", ctrlKey: true });
    expect(selectedText()).toBe("1,2,3,4,5");
    fireEvent.keyDown(list, { key: "Enter" });
    expect(opened).toEqual([4]);
    fireEvent.keyDown(list, { key: "Escape" });
    expect(selectedText()).toBe("");
    fireEvent.doubleClick(option(5));
    expect(opened).toEqual([4, 5]);
  });
});
