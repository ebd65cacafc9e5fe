/** New group: name, description and permission level; refusals shown on their fields. */
import { useId, useState, type FormEvent } from "react";
import type { GroupDto, GroupPermissions } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { Dialog } from "../../../ui/Dialog.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../field-errors.ts";
import { FormSummary, TextField } from "../FormField.tsx";
import { createGroupRequest, EMPTY_GROUP_FORM, PERMISSION_CHOICES, PERMISSION_LEVELS, type NewGroupForm } from "./group-form.ts";

const MAPPING = { fields: ["name", "description", "permissions"], conflictField: "name" } as const;

export function CreateGroupDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (group: GroupDto) => void }) {
  const formId = useId();
  const levelId = useId();
  const [form, setForm] = useState<NewGroupForm>(EMPTY_GROUP_FORM);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onCreated(await api.groups.create(createGroupRequest(form)));
    } catch (err) {
      if (sessionLost(err)) return;
      setErrors(formErrorsOf(err, MAPPING));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New group" onClose={onClose} testId="create-group-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="submit" form={formId} className="primary" disabled={busy}>{busy ? "Creating…" : "Create group"}</button>
    </>}>
      <form id={formId} className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Name" value={form.name} onChange={(name) => setForm((f) => ({ ...f, name }))} error={errors.fields.name} required autoFocus autoComplete="off" />
        <TextField label="Description" value={form.description} onChange={(description) => setForm((f) => ({ ...f, description }))} error={errors.fields.description} autoComplete="off" />
        <div className="admin-field">
          <label htmlFor={levelId}>Permission level</label>
          <select id={levelId} aria-describedby={`${levelId}-meaning`} value={form.permissions} onChange={(e) => setForm((f) => ({ ...f, permissions: e.target.value as GroupPermissions }))}>
            {PERMISSION_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
          {errors.fields.permissions ? <span className="admin-field-error">{errors.fields.permissions}</span>
            : <span id={`${levelId}-meaning`} className="admin-hint">{PERMISSION_LEVELS[form.permissions].meaning}</span>}
        </div>
        <FormSummary text={errors.summary} />
      </form>
    </Dialog>
  );
}
