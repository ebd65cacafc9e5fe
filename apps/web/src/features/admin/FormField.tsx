/**
 * A labelled input with its error under it. The error is tied to the input (aria-invalid +
 * aria-describedby), so a screen reader reads it with the field and a test finds it by label.
 */
import { useId, type ReactNode } from "react";

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  autoFocus?: boolean;
  required?: boolean;
  placeholder?: string;
  list?: string;
}

export function TextField({ label, value, onChange, error, hint, type = "text", required, ...rest }: TextFieldProps) {
  const id = useId();
  // An error replaces the hint: one line under the input, saying what to fix.
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="admin-field">
      <label htmlFor={id}>{label}{required && <span className="admin-required" aria-hidden="true"> *</span>}</label>
      <input
        id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}
        aria-describedby={describedBy} aria-required={required || undefined} data-autofocus={rest.autoFocus || undefined}
        {...(rest.autoComplete !== undefined && { autoComplete: rest.autoComplete })}
        {...(rest.placeholder !== undefined && { placeholder: rest.placeholder })}
        {...(rest.list !== undefined && { list: rest.list })}
      />
      {error ? <span id={`${id}-error`} className="admin-field-error">{error}</span>
        : hint && <span id={`${id}-hint`} className="admin-hint">{hint}</span>}
    </div>
  );
}

export function CheckboxField({ label, checked, onChange, hint, disabled }: {
  label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string; disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="admin-check">
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && <span id={`${id}-hint`} className="admin-hint">{hint}</span>}
    </div>
  );
}

/** Errors not tied to one field, above a form's buttons. */
export function FormSummary({ text }: { text: string | undefined }) {
  if (!text) return null;
  return <p className="form-error admin-summary" role="alert">{text}</p>;
}
