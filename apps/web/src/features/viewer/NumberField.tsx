/**
 * A number input that lets the user type freely (an empty box, a lone minus sign) and commits
 * only finite values within [min, max]; on blur it shows the committed value again.
 */
import { useEffect, useState } from "react";

export interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number) => void;
  className?: string;
}

export function NumberField({ label, value, min, max, step, onCommit, className }: NumberFieldProps) {
  const [draft, setDraft] = useState(String(value));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(String(value));
  }, [value, editing]);
  const parsed = draft.trim() === "" ? Number.NaN : Number(draft);
  const valid = Number.isFinite(parsed) && parsed >= min && parsed <= max;
  return (
    <input
      type="number" className={className} aria-label={label} min={min} max={max} step={step}
      value={draft} aria-invalid={valid ? undefined : true}
      onFocus={() => setEditing(true)}
      onBlur={() => { setEditing(false); setDraft(String(value)); }}
      onChange={(e) => {
        setDraft(e.target.value);
        const next = Number(e.target.value);
        if (e.target.value.trim() !== "" && Number.isFinite(next) && next >= min && next <= max) onCommit(next);
      }}
      onKeyDown={(e) => { if (e.key === "Enter") e.currentTarget.blur(); }}
    />
  );
}
