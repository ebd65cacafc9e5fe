/**
 * Add a member by username. Administrators get the usernames as suggestions and may add the user
 * as an owner (the server lets only administrators make owners); owners type the name.
 */
import { useId, useState, type FormEvent } from "react";
import { listAll } from "@fovea/client";
import type { GroupDto } from "@fovea/model";
import { api } from "../../../api/web-client.ts";
import { sessionLost } from "../../../state/session.ts";
import { useAsync } from "../../../ui/use-async.ts";
import { formErrorsOf, NO_ERRORS, type FormErrors } from "../field-errors.ts";
import { CheckboxField, FormSummary, TextField } from "../FormField.tsx";
import { addMemberRequest } from "./group-form.ts";

const MAPPING = { fields: ["user"], notFoundField: "user", conflictField: "user" } as const;

export function AddMemberForm({ group, asAdmin, onAdded }: { group: GroupDto; asAdmin: boolean; onAdded: () => void }) {
  const listId = useId();
  const [username, setUsername] = useState("");
  const [owner, setOwner] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const users = useAsync(async () => (asAdmin ? listAll((page) => api.users.list(page)) : []), [asAdmin]);
  const memberIds = new Set((group.members ?? []).map((m) => m.id));
  const suggestions = (users.data ?? []).filter((u) => !memberIds.has(u.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim()) return setErrors({ fields: { user: "is required" } });
    setBusy(true);
    try {
      await api.groups.addMember(group.id, addMemberRequest(username, owner));
      setUsername("");
      setOwner(false);
      setErrors(NO_ERRORS);
      onAdded();
    } catch (err) {
      if (sessionLost(err)) return;
      setErrors(formErrorsOf(err, MAPPING));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-add-member" onSubmit={(e) => void submit(e)} noValidate aria-label={`Add a member to ${group.name}`}>
      <h4>Add a member</h4>
      <div className="admin-row admin-row-end">
        <TextField label="Username" value={username} onChange={setUsername} error={errors.fields.user} autoComplete="off" list={listId} />
        {asAdmin && <CheckboxField label="As owner" checked={owner} onChange={setOwner} />}
        <button type="submit" className="primary" disabled={busy}>{busy ? "Adding…" : "Add member"}</button>
      </div>
      <datalist id={listId}>{suggestions.map((u) => <option key={u.id} value={u.username}>{u.fullName}</option>)}</datalist>
      <FormSummary text={errors.summary} />
    </form>
  );
}
