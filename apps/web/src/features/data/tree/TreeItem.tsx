/**
 * One row of the Data tree: a `treeitem` that is focusable by the roving tabindex, selected when
 * the route points at it, and — for a project — expandable, with its children in a `group`.
 * Right/Left open/close (or step into/out of) the row, Enter and Space select it.
 */
import type { KeyboardEvent, ReactNode } from "react";
import { DataIcon, type DataIconKind } from "../icons.tsx";
import { focusFirstChildRow, focusParentRow } from "./tree-nav.ts";
import { useTree, type TreeKey } from "./tree-context.ts";

export interface TreeItemProps {
  treeKey: TreeKey;
  label: string;
  icon: DataIconKind;
  /** 1 for top-level rows. */
  level: number;
  selected: boolean;
  /** Undefined for a leaf. */
  expanded?: boolean | undefined;
  onExpandedChange?: ((open: boolean) => void) | undefined;
  /** Click, Enter or Space. */
  onActivate(): void;
  /** A muted note after the label (a count). */
  note?: ReactNode;
  /** The rows of an expanded item's group. */
  children?: ReactNode;
}

export function TreeItem({ treeKey, label, icon, level, selected, expanded, onExpandedChange, onActivate, note, children }: TreeItemProps) {
  const tree = useTree();
  const expandable = expanded !== undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    // Keys bubble up through the nested rows; each row answers only for itself.
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter" || e.key === " ") onActivate();
    else if (e.key === "ArrowRight" && expandable) {
      if (expanded) focusFirstChildRow(e.currentTarget);
      else onExpandedChange?.(true);
    } else if (e.key === "ArrowLeft") {
      if (expandable && expanded) onExpandedChange?.(false);
      else focusParentRow(e.currentTarget);
    } else return;
    e.preventDefault();
  };
  return (
    <li
      role="treeitem" aria-label={label} aria-level={level} aria-selected={selected} aria-expanded={expanded}
      tabIndex={tree.activeKey === treeKey ? 0 : -1} className="tree-item" data-tree-key={treeKey}
      onFocus={(e) => { if (e.target === e.currentTarget) tree.setActiveKey(treeKey); }} onKeyDown={onKeyDown}
    >
      <div className={selected ? "tree-row selected" : "tree-row"} style={{ paddingLeft: `${4 + (level - 1) * 16}px` }} onClick={onActivate}>
        {expandable ? (
          <span
            className={expanded ? "tree-toggle open" : "tree-toggle"} aria-hidden="true"
            onClick={(e) => { e.stopPropagation(); onExpandedChange?.(!expanded); }}
          >
            <DataIcon kind="chevron" />
          </span>
        ) : <span className="tree-toggle-space" aria-hidden="true" />}
        <DataIcon kind={icon} />
        <span className="tree-label" title={label}>{label}</span>
        {note !== undefined && <span className="tree-note">{note}</span>}
      </div>
      {expandable && expanded && <ul role="group">{children}</ul>}
    </li>
  );
}

/** A "more…" row at the end of a long list: a treeitem too, so the keyboard reaches it. */
export function LoadMoreItem({ treeKey, level, label, loading, onLoad }: { treeKey: TreeKey; level: number; label: string; loading: boolean; onLoad(): void }) {
  return (
    <TreeItem
      treeKey={treeKey} label={loading ? "Loading…" : label} icon="chevron" level={level} selected={false}
      onActivate={() => { if (!loading) onLoad(); }}
    />
  );
}
