/** Loading, empty and error states, the same everywhere. */
import type { ReactNode } from "react";
import { toShownError } from "../api/error-message.ts";

export function Spinner({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="spinner" role="status" aria-live="polite">
      <span className="spinner-dot" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-hint">{children}</div>}
    </div>
  );
}

/** An error from the API or the browser, with its code and a retry when one makes sense. */
export function ErrorBanner({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const shown = toShownError(error);
  return (
    <div className="error-banner" role="alert">
      <div>
        {title && <strong>{title} </strong>}
        {shown.message}
        {shown.code !== "INTERNAL" && <span className="error-code"> ({shown.code})</span>}
      </div>
      {onRetry && <button type="button" onClick={onRetry}>Retry</button>}
    </div>
  );
}
