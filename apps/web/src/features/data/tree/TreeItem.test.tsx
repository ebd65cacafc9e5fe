import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { KeyboardEvent } from "react";
import { TreeItem } from "./TreeItem.tsx";
import { datasetKey, projectKey, TreeContext } from "./tree-context.ts";
import { isTreeMoveKey, moveInTree, rowOf } from "./tree-nav.ts";
import { useTreeState } from "./use-tree-state.ts";

afterEach(cleanup);

/** A project with two datasets and a top-level dataset, wired as DataTree wires its rows. */
function Harness({ activated }: { activated: string[] }) {
  const tree = useTreeState(undefined);
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (!isTreeMoveKey(e.key)) return;
    e.preventDefault();
    moveInTree(e.currentTarget, rowOf(e.target), e.key);
  };
  const open = tree.isExpanded(1);
  return (
    <TreeContext.Provider value={tree}>
      <ul role="tree" aria-label="Data" onKeyDown={onKeyDown}>
        <TreeItem treeKey={projectKey(1)} label="Screen A" icon="project" level={1} selected={false}
          expanded={open} onExpandedChange={(o) => tree.setExpanded(1, o)} onActivate={() => activated.push("project 1")}>
          {["Plate 1", "Plate 2"].map((name, i) => (
            <TreeItem key={name} treeKey={datasetKey(i + 10, 1)} label={name} icon="dataset" level={2} selected={false}
              onActivate={() => activated.push(name)} />
          ))}
        </TreeItem>
        <TreeItem treeKey={datasetKey(3)} label="Loose" icon="dataset" level={1} selected onActivate={() => activated.push("Loose")} />
      </ul>
    </TreeContext.Provider>
  );
}

const item = (name: string) => screen.getByRole("treeitem", { name });
const key = (k: string, target = document.activeElement!) => fireEvent.keyDown(target, { key: k });

describe("Data tree rows", () => {
  it("are treeitems named by their object, with level, selection and expansion state", () => {
    render(<Harness activated={[]} />);
    expect(item("Screen A").getAttribute("aria-expanded")).toBe("false");
    expect(item("Screen A").getAttribute("aria-level")).toBe("1");
    expect(item("Loose").getAttribute("aria-selected")).toBe("true");
    expect(item("Loose").getAttribute("aria-expanded")).toBeNull();
    expect(screen.queryByRole("treeitem", { name: "Plate 1" })).toBeNull();
  });

  it("open with Right, step in and out with Right/Left, move with Up/Down/Home/End, select with Enter", () => {
    const activated: string[] = [];
    render(<Harness activated={activated} />);
    item("Screen A").focus();
    key("ArrowRight");
    expect(item("Screen A").getAttribute("aria-expanded")).toBe("true");
    key("ArrowRight");
    expect(document.activeElement).toBe(item("Plate 1"));
    expect(item("Plate 1").tabIndex).toBe(0);
    expect(item("Screen A").tabIndex).toBe(-1);
    key("ArrowDown");
    expect(document.activeElement).toBe(item("Plate 2"));
    key("Enter");
    expect(activated).toEqual(["Plate 2"]);
    key("ArrowLeft");
    expect(document.activeElement).toBe(item("Screen A"));
    key("End");
    expect(document.activeElement).toBe(item("Loose"));
    key(" ");
    expect(activated).toEqual(["Plate 2", "Loose"]);
    key("Home");
    key("ArrowLeft");
    expect(item("Screen A").getAttribute("aria-expanded")).toBe("false");
    key("ArrowDown");
    expect(document.activeElement).toBe(item("Loose"));
  });

  it("hands the tab stop to the project when it is closed over a focused dataset", () => {
    render(<Harness activated={[]} />);
    item("Screen A").focus();
    key("ArrowRight");
    key("ArrowRight");
    expect(item("Plate 1").tabIndex).toBe(0);
    fireEvent.click(item("Screen A").querySelector(".tree-toggle")!);
    expect(item("Screen A").tabIndex).toBe(0);
  });
});
