/** A compact two-column list of facts (term → value), the right panel's basic layout. */
import type { ReactNode } from "react";

/** `[label, value]`; a row whose value is null or false is left out. */
export type MetaRow = readonly [label: string, value: ReactNode];

export function MetaList({ rows, label }: { rows: readonly MetaRow[]; label?: string }) {
  return (
    <dl className="meta-list" aria-label={label}>
      {rows.filter(([, v]) => v !== null && v !== false && v !== undefined).map(([term, value]) => (
        <div className="meta-row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A titled part of the panel; the heading names the region for assistive technology. */
export function PanelSection({ title, count, children, actions }: { title: string; count?: number | undefined; children: ReactNode; actions?: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section className="panel-section" aria-labelledby={id}>
      <h3 id={id} className="panel-section-title">
        {title}
        {count !== undefined && <span className="panel-count">{count}</span>}
        {actions && <span className="panel-section-actions">{actions}</span>}
      </h3>
      {children}
    </section>
  );
}
