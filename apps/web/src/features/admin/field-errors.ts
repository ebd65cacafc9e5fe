/**
 * Maps a refused request onto the fields of the form that sent it. The server names each
 * offending field in `details` (`body.username`, `body.password`…) for VALIDATION_FAILED, and
 * says "<what> already exists" for CONFLICT or "<what> not found" for NOT_FOUND without naming
 * a field, so the form says which of its fields those two are about.
 */
import { toShownError } from "../../api/error-message.ts";

export interface FormErrors {
  /** Form field name → what is wrong with it. */
  readonly fields: Readonly<Record<string, string>>;
  /** Everything not tied to one of the form's fields (shown above the buttons). */
  readonly summary?: string;
}

export const NO_ERRORS: FormErrors = { fields: {} };

export interface FieldMapping {
  /** The form's field names, as the request body spells them. */
  readonly fields: readonly string[];
  /** The field a CONFLICT is about (the name that is already taken). */
  readonly conflictField?: string;
  /** The field a NOT_FOUND is about (a group or user name that does not exist). */
  readonly notFoundField?: string;
}

interface Issue {
  field: string;
  message: string;
}

function isIssue(v: unknown): v is Issue {
  return typeof v === "object" && v !== null && typeof (v as Issue).field === "string" && typeof (v as Issue).message === "string";
}

/** `body.groups[0]` → `groups`. */
export function formFieldOf(path: string): string {
  return path.replace(/^body\./, "").split(/[.[]/)[0] ?? path;
}

/** Schema wording → a sentence a person reads next to an input. */
export function friendlyIssue(field: string, message: string): string {
  if (field === "username" && message.startsWith("must match pattern")) return "may contain only letters, digits and _ . @ -";
  const fewer = /^must not have fewer than (\d+) characters$/.exec(message);
  if (fewer) return fewer[1] === "1" ? "is required" : `must be at least ${fewer[1]} characters`;
  const more = /^must not have more than (\d+) characters$/.exec(message);
  if (more) return `must be at most ${more[1]} characters`;
  return message;
}

export function formErrorsOf(err: unknown, mapping: FieldMapping): FormErrors {
  const shown = toShownError(err);
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (field: string, message: string) => {
    if (mapping.fields.includes(field)) fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
    else unplaced.push(`${field} ${message}`);
  };
  if (shown.code === "VALIDATION_FAILED" && Array.isArray(shown.details) && shown.details.some(isIssue)) {
    for (const issue of shown.details.filter(isIssue)) {
      const field = formFieldOf(issue.field);
      place(field, friendlyIssue(field, issue.message));
    }
  } else if (shown.code === "CONFLICT" && mapping.conflictField) {
    place(mapping.conflictField, shown.message);
  } else if (shown.code === "NOT_FOUND" && mapping.notFoundField) {
    place(mapping.notFoundField, shown.message);
  } else {
    unplaced.push(shown.message);
  }
  return unplaced.length > 0 ? { fields, summary: unplaced.join("\n") } : { fields };
}
