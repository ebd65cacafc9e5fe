/** "Are you sure?" before something that cannot be undone; shows the refusal if the action fails. */
import { useState, type ReactNode } from "react";
import { Dialog } from "../../ui/Dialog.tsx";
import { ErrorBanner } from "../../ui/feedback.tsx";
import { sessionLost } from "../../state/session.ts";

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The confirming button's text ("Delete", "Remove"). */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      if (sessionLost(err)) return;
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} footer={<>
      <button type="button" onClick={onClose} data-autofocus>Cancel</button>
      <button type="button" className="primary admin-danger" disabled={busy} onClick={() => void confirm()}>{busy ? "Working…" : confirmLabel}</button>
    </>}>
      {children}
      {error !== undefined && <ErrorBanner error={error} />}
    </Dialog>
  );
}
