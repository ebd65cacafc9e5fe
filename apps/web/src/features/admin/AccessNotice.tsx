/** Shown instead of a tab to someone the server would refuse anyway, saying who may use it. */
import type { ReactNode } from "react";

export function AccessNotice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="admin-access" role="note">
      <p className="empty-title">{title}</p>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
