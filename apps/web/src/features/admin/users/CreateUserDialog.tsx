/** New user: account, privileges and groups; the server's refusals are shown on their fields. */
import { useId, useState, type FormEvent } from "react";
import type { UserDto } from "@fovea/model";
import { LIMITS } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { Dialog } from "../../../ui/Dialog.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../field-errors.ts";
import { CheckboxField, FormSummary, TextField } from "../FormField.tsx";
import { GroupPicker } from "./GroupPicker.tsx";
import { createUserRequest, EMPTY_USER_FORM, type NewUserForm } from "./user-form.ts";

const MAPPING = {
  fields: ["username", "password", "fullName", "email", "groups", "isAdmin", "privileges"],
  conflictField: "username",
  notFoundField: "groups",
} as const;

export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserDto) => void }) {
  const formId = useId();
  const [form, setForm] = useState<NewUserForm>(EMPTY_USER_FORM);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof NewUserForm>(key: K) => (value: NewUserForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onCreated(await api.users.create(createUserRequest(form)));
    } catch (err) {
      if (sessionLost(err)) return;
      setErrors(formErrorsOf(err, MAPPING));
      setBusy(false);
    }
  };

  return (
    <Dialog title="New user" onClose={onClose} testId="create-user-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="submit" form={formId} className="primary" disabled={busy}>{busy ? "Creating…" : "Create user"}</button>
    </>}>
      <form id={formId} className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Username" value={form.username} onChange={set("username")} error={errors.fields.username} required autoFocus
          autoComplete="off" hint="Letters, digits and _ . @ -" />
        <TextField label="Full name" value={form.fullName} onChange={set("fullName")} error={errors.fields.fullName} autoComplete="off" />
        <TextField label="Email" type="email" value={form.email} onChange={set("email")} error={errors.fields.email} autoComplete="off" />
        <TextField label="Password" type="password" value={form.password} onChange={set("password")} error={errors.fields.password} required
          autoComplete="new-password" hint={`At least ${LIMITS.PASSWORD_MIN} characters`} />
        <div className="admin-checks">
          <CheckboxField label="Administrator" checked={form.isAdmin} onChange={set("isAdmin")} hint="Manages users, groups and every script" />
          <CheckboxField label="UploadScripts privilege" checked={form.uploadScripts} onChange={set("uploadScripts")} hint="May upload and manage official scripts" />
        </div>
        <GroupPicker groupIds={form.groupIds} defaultGroupId={form.defaultGroupId} error={errors.fields.groups}
          onChange={(groupIds, defaultGroupId) => setForm((f) => ({ ...f, groupIds, defaultGroupId }))} />
        <FormSummary text={[errors.fields.isAdmin, errors.fields.privileges, errors.summary].filter(Boolean).join("\n") || undefined} />
      </form>
    </Dialog>
  );
}
