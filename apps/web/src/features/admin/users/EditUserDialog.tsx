/**
 * Edit an account: name, email, administrator, the UploadScripts privilege, default group, and a
 * password reset. Only changed fields are sent. Editing yourself refreshes the session, so the
 * header and the Admin tabs follow a privilege you gave up.
 */
import { useId, useState, type FormEvent } from "react";
import { LIMITS, type UserDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { loadSession, sessionLost } from "../../../state/session.ts";
import { Dialog } from "../../../ui/Dialog.tsx";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../field-errors.ts";
import { CheckboxField, FormSummary, TextField } from "../FormField.tsx";
import { useCurrentUser } from "../use-current-user.ts";
import { editFormOf, updateUserRequest, type UserEditForm } from "./user-form.ts";

const MAPPING = { fields: ["fullName", "email", "password", "defaultGroupId"], notFoundField: "defaultGroupId" } as const;

export function EditUserDialog({ user, onClose, onSaved }: { user: UserDto; onClose: () => void; onSaved: (user: UserDto) => void }) {
  const formId = useId();
  const me = useCurrentUser();
  const self = me?.id === user.id;
  const [form, setForm] = useState<UserEditForm>(() => editFormOf(user));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof UserEditForm>(key: K) => (value: UserEditForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const changes = updateUserRequest(user, form);
  const unchanged = Object.keys(changes).length === 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (unchanged) return onClose();
    setBusy(true);
    try {
      const saved = await api.users.update(user.id, changes);
      if (self) await loadSession();
      onSaved(saved);
    } catch (err) {
      if (sessionLost(err)) return;
      setErrors(formErrorsOf(err, MAPPING));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Edit ${user.username}`} onClose={onClose} testId="edit-user-dialog" footer={<>
      <button type="button" onClick={onClose}>Cancel</button>
      <button type="submit" form={formId} className="primary" disabled={busy || unchanged}>{busy ? "Saving…" : "Save"}</button>
    </>}>
      <form id={formId} className="admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Full name" value={form.fullName} onChange={set("fullName")} error={errors.fields.fullName} autoFocus autoComplete="off" />
        <TextField label="Email" type="email" value={form.email} onChange={set("email")} error={errors.fields.email} autoComplete="off" />
        <div className="admin-checks">
          <CheckboxField label="Administrator" checked={form.isAdmin} onChange={set("isAdmin")}
            hint={self && user.isAdmin && !form.isAdmin ? "You will no longer be an administrator." : "Manages users, groups and every script"} />
          <CheckboxField label="UploadScripts privilege" checked={form.uploadScripts} onChange={set("uploadScripts")} hint="May upload and manage official scripts" />
        </div>
        {user.groups.length > 0 && (
          <label className="admin-field">
            Default group
            <select value={form.defaultGroupId ?? ""} onChange={(e) => set("defaultGroupId")(Number(e.target.value))}
              aria-invalid={errors.fields.defaultGroupId ? true : undefined}>
              {form.defaultGroupId === undefined && <option value="">(none)</option>}
              {user.groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
            {errors.fields.defaultGroupId && <span className="admin-field-error">{errors.fields.defaultGroupId}</span>}
          </label>
        )}
        <TextField label="New password" type="password" value={form.newPassword} onChange={set("newPassword")} error={errors.fields.password}
          autoComplete="new-password" hint={`Leave empty to keep the current password (at least ${LIMITS.PASSWORD_MIN} characters)`} />
        <FormSummary text={errors.summary} />
      </form>
    </Dialog>
  );
}
