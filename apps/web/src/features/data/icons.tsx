/**
 * The Data page's small icons, drawn inline so they follow `currentColor` and need no asset
 * requests. Decorative only: every control that shows one also has a text name.
 */
import type { ReactNode } from "react";

export type DataIconKind = "project" | "dataset" | "image" | "orphans" | "chevron" | "refresh" | "file" | "open";

const PATHS: Record<DataIconKind, ReactNode> = {
  project: <path d="M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z" fill="#f2c14e" stroke="#b8891a" strokeLinejoin="round" />,
  dataset: (
    <>
      <path d="M1.5 3.5h4l1.5 1.5h7.5v8.5h-13z" fill="#8fc1e8" stroke="#3b7bb0" strokeLinejoin="round" />
      <path d="M4.5 11.5l2.5-3 2 2 1.5-1.5 1.5 2.5z" fill="#1e5a8c" />
    </>
  ),
  image: (
    <>
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="#e8edf2" stroke="#6b7b8c" />
      <path d="M3.5 11.5l3-4 2.5 3 1.5-1.5 2 2.5z" fill="#4d7ea8" />
      <circle cx="11" cy="5.5" r="1.2" fill="#f2c14e" />
    </>
  ),
  orphans: (
    <>
      <rect x="3.5" y="1.5" width="11" height="9" rx="1.5" fill="#f3f5f7" stroke="#8a97a5" strokeDasharray="2 1.5" />
      <rect x="1.5" y="5.5" width="11" height="9" rx="1.5" fill="#e8edf2" stroke="#6b7b8c" />
      <path d="M3.5 13l2.5-3.5 2 2.5 1.5-1.2 1.8 2.2z" fill="#4d7ea8" />
    </>
  ),
  chevron: <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />,
  refresh: (
    <>
      <path d="M13 8a5 5 0 1 1-1.5-3.6" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M12.5 1.8v3h-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
  file: (
    <>
      <path d="M3.5 1.5h6l3 3v10h-9z" fill="#fff" stroke="#6b7b8c" strokeLinejoin="round" />
      <path d="M9.5 1.5v3h3" fill="none" stroke="#6b7b8c" strokeLinejoin="round" />
    </>
  ),
  open: (
    <>
      <path d="M9 2.5h4.5V7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M13.5 2.5L7.5 8.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      <path d="M11.5 9.5v4h-9v-9h4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </>
  ),
};

export function DataIcon({ kind, className }: { kind: DataIconKind; className?: string }) {
  return (
    <svg className={className ? `data-icon ${className}` : "data-icon"} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {PATHS[kind]}
    </svg>
  );
}
