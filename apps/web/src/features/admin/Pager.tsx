/** "1–50 of 120" with Previous / Next, for the admin tables (every list endpoint pages). */
export interface PagerProps {
  offset: number;
  limit: number;
  /** Rows on the current page. */
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
  /** What is paged, for the accessible name ("Users pages"). */
  label: string;
}

export function Pager({ offset, limit, shown, total, onOffset, label }: PagerProps) {
  if (total <= limit && offset === 0) return <p className="admin-count muted">{total} {total === 1 ? "row" : "rows"}</p>;
  const first = shown === 0 ? 0 : offset + 1;
  return (
    <nav className="admin-pager" aria-label={`${label} pages`}>
      <span className="muted">{first}–{offset + shown} of {total}</span>
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>Previous</button>
      <button type="button" disabled={offset + shown >= total} onClick={() => onOffset(offset + limit)}>Next</button>
    </nav>
  );
}
