/** The ROI tools as a toolbar of toggle buttons (one pressed), the Delete button, and how to use the tool on. */
import { TOOLS, type RoiTool } from "./draw-tools.ts";
import { DeleteIcon, ToolIcon } from "./tool-icons.tsx";

/** The tool in use and what the user may do now. */
export interface RoiToolbarProps {
  tool: RoiTool;
  /** The user may add ROIs to this image (annotate right); else only Select is offered. */
  canDraw: boolean;
  /** How many selected shapes the user may delete. */
  deletable: number;
  locked: boolean;
  onPick(tool: RoiTool): void;
  onDelete(): void;
}

/** The tool buttons (aria-pressed), Delete, and a hint for the tool in use. */
export function RoiToolbar({ tool, canDraw, deletable, locked, onPick, onDelete }: RoiToolbarProps) {
  const active = TOOLS.find((t) => t.tool === tool);
  return (
    <div className="roi-tools">
      <div role="toolbar" aria-label="ROI tools" className="roi-toolbar">
        {TOOLS.map((t) => (
          <button
            key={t.tool} type="button" className="roi-tool" aria-label={t.tool} aria-pressed={tool === t.tool}
            aria-keyshortcuts={t.key.toUpperCase()} title={`${t.tool} (${t.key.toUpperCase()})`}
            disabled={locked || (t.tool !== "Select" && !canDraw)} onClick={() => onPick(t.tool)}
          >
            <ToolIcon tool={t.tool} />
          </button>
        ))}
        <span className="roi-toolbar-gap" />
        <button
          type="button" className="roi-tool danger" aria-label="Delete" aria-keyshortcuts="Delete"
          title={deletable > 1 ? `Delete the ${deletable} selected shapes (Delete)` : "Delete the selected shape (Delete)"}
          disabled={locked || deletable === 0} onClick={onDelete}
        >
          <DeleteIcon />
        </button>
      </div>
      <p className="roi-hint" aria-live="polite">
        {canDraw ? (
          <><strong>{tool}:</strong> {active?.hint}{tool !== "Select" && " · Esc cancels"}</>
        ) : (
          "You can view the ROIs of this image but not add any (the group does not let you annotate it)."
        )}
      </p>
    </div>
  );
}
