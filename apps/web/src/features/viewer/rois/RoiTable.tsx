/**
 * One row per shape on the image (all planes): its ROI (or "new"), kind, Z/T/C and its length or
 * area. A grid of selectable rows: a click (or Enter/Space) selects the shape, Ctrl/Shift-click
 * adds to the selection, ↑/↓ move the selection; one row is in the Tab order (roving tabindex).
 * Rows of unsaved shapes are marked, and the row a failed save stopped at says so.
 */
import type { KeyboardEvent, MouseEvent } from "react";
import type { ImageDto } from "@fovea/model";
import { EmptyState } from "../../../ui/feedback.tsx";
import { canEditDraft, draftStatus, type DraftStatus, type RoiDraft } from "./roi-drafts.ts";
import { LockIcon } from "./tool-icons.tsx";
import { channelLabel, measureOf, planeLabel, type Calibration } from "./measure-format.ts";

/** The live drafts in display order, the selection, and how to measure. */
export interface RoiTableProps {
  drafts: readonly RoiDraft[];
  selected: ReadonlySet<string>;
  image: ImageDto;
  calibration: Calibration;
  failedKey: string | undefined;
  onSelect(key: string, toggle: boolean): void;
}

const STATUS_TEXT: Partial<Record<DraftStatus, string>> = { new: "not saved yet", edited: "changed, not saved yet" };

interface RoiRowProps {
  draft: RoiDraft;
  selected: boolean;
  /** In the Tab order (the first selected row, else the first row). */
  tabbable: boolean;
  image: ImageDto;
  calibration: Calibration;
  failed: boolean;
  onSelect: RoiTableProps["onSelect"];
}

function RoiRow({ draft, selected, tabbable, image, calibration, failed, onSelect }: RoiRowProps) {
  const { shape } = draft;
  const status = draftStatus(draft);
  const measure = measureOf(shape, calibration);
  const onClick = (e: MouseEvent) => onSelect(draft.key, e.ctrlKey || e.metaKey || e.shiftKey);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    onSelect(draft.key, e.ctrlKey || e.metaKey || e.shiftKey);
  };
  const classes = ["roi-row", selected && "is-selected", status !== "saved" && "is-unsaved", failed && "is-failed"].filter(Boolean).join(" ");
  return (
    <tr className={classes} aria-selected={selected} tabIndex={tabbable ? 0 : -1} onClick={onClick} onKeyDown={onKeyDown} data-key={draft.key}>
      <td className="roi-id">
        {draft.saved ? draft.saved.roiId : "new"}
        {STATUS_TEXT[status] && <span className="roi-unsaved" title={STATUS_TEXT[status]}>●<span className="visually-hidden"> ({STATUS_TEXT[status]})</span></span>}
      </td>
      <td>
        {shape.kind}
        {!canEditDraft(draft) && <span className="roi-locked" title="Another user's ROI: you may not change it"><LockIcon /><span className="visually-hidden"> read-only</span></span>}
        {failed && <span className="roi-failed"> not saved</span>}
      </td>
      <td className="num">{planeLabel(shape.z)}</td>
      <td className="num">{planeLabel(shape.t)}</td>
      <td className="num" title={shape.c === undefined ? "every channel" : image.channels.find((c) => c.index === shape.c)?.name}>{channelLabel(shape.c, image.channels)}</td>
      <td className="num roi-measure" title={measure ? `${measure.quantity}: ${measure.value}` : undefined}>{measure?.text ?? "–"}</td>
    </tr>
  );
}

/** ↑/↓/Home/End: focus and select the neighbouring, first or last row. */
function moveSelection(e: KeyboardEvent<HTMLTableSectionElement>, drafts: readonly RoiDraft[], onSelect: RoiTableProps["onSelect"]): void {
  const rows = [...e.currentTarget.querySelectorAll<HTMLTableRowElement>("tr")];
  const from = rows.findIndex((r) => r === document.activeElement);
  const to = { ArrowDown: from + 1, ArrowUp: from - 1, Home: 0, End: rows.length - 1 }[e.key];
  if (to === undefined || from < 0 || to < 0 || to >= rows.length) return;
  e.preventDefault();
  rows[to]!.focus();
  rows[to]!.scrollIntoView?.({ block: "nearest" });
  onSelect(drafts[to]!.key, false);
}

/** The shape grid, or an empty state saying how to start. */
export function RoiTable({ drafts, selected, image, calibration, failedKey, onSelect }: RoiTableProps) {
  if (drafts.length === 0) return <EmptyState title="No ROIs on this image yet">Pick a tool above and draw on the image.</EmptyState>;
  const tabbable = drafts.find((d) => selected.has(d.key))?.key ?? drafts[0]!.key;
  return (
    <div className="roi-table-scroll">
      <table className="roi-table" role="grid" aria-multiselectable="true" aria-label="ROI shapes">
        <thead>
          <tr>
            <th scope="col">ROI</th>
            <th scope="col">Shape</th>
            <th scope="col" className="num">Z</th>
            <th scope="col" className="num">T</th>
            <th scope="col" className="num">C</th>
            <th scope="col" className="num">Length / area</th>
          </tr>
        </thead>
        <tbody onKeyDown={(e) => moveSelection(e, drafts, onSelect)}>
          {drafts.map((d) => (
            <RoiRow key={d.key} draft={d} selected={selected.has(d.key)} tabbable={d.key === tabbable} image={image} calibration={calibration} failed={d.key === failedKey} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
