/** Line-art icons of the ROI panel: the tools (18 px, currentColor, drawn to read at a glance like OMERO.iviewer's), Delete, and a lock. */
import type { ReactNode } from "react";
import type { RoiTool } from "./draw-tools.ts";

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      {children}
    </svg>
  );
}

const ICONS: Record<RoiTool, ReactNode> = {
  Select: <path d="M4 2.5 L4 14 L7.2 11 L9.6 16 L11.6 15 L9.2 10.2 L13.5 10 Z" />,
  Line: <><path d="M3.5 14.5 L14.5 3.5" /><circle cx="3.5" cy="14.5" r="1.3" /><circle cx="14.5" cy="3.5" r="1.3" /></>,
  Polyline: <path d="M2.5 14 L6.5 5 L11 12 L15.5 4" />,
  Rectangle: <rect x="2.5" y="4.5" width="13" height="9" rx="0.5" />,
  Ellipse: <ellipse cx="9" cy="9" rx="6.5" ry="4.5" />,
  Polygon: <path d="M9 2.5 L15.5 7.5 L13 15 L5 15 L2.5 7.5 Z" />,
  Point: <><circle cx="9" cy="9" r="2.2" fill="currentColor" /><path d="M9 2.5 V5 M9 13 V15.5 M2.5 9 H5 M13 9 H15.5" /></>,
};

/** The icon of a tool. */
export function ToolIcon({ tool }: { tool: RoiTool }) {
  return <Svg>{ICONS[tool]}</Svg>;
}

/** A bin, for Delete. */
export function DeleteIcon() {
  return (
    <Svg>
      <path d="M3 5 H15 M7 5 V3 H11 V5 M5 5 L6 15.5 H12 L13 5 M7.8 8 V13 M10.2 8 V13" />
    </Svg>
  );
}

/** Marks a shape of an ROI the user may not change (12 px). */
export function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" strokeWidth="1.3" aria-hidden="true">
      <rect x="2" y="5.5" width="8" height="5.5" rx="1" fill="currentColor" />
      <path d="M3.8 5.5 V3.8 a2.2 2.2 0 0 1 4.4 0 V5.5" />
    </svg>
  );
}
