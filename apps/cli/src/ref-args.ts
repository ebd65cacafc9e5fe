/** `Type:ID` arguments checked against the types a command accepts. */
import { OBJECT_TYPES, parseRef, type ObjectRef, type ObjectType } from "@fovea/model";
import { UsageError } from "./usage-error.ts";

/**
 * Parses `text` as a ref whose type is one of `allowed`. The message names what was typed and what
 * would have been accepted, e.g. `"Imgae:3" is not an object reference; expected Image:ID`.
 */
export function parseRefArg<T extends ObjectType>(text: string, allowed: readonly T[]): ObjectRef<T> {
  const expected = allowed.map((t) => `${t}:ID`).join(", ");
  const ref = parseRef(text);
  if (!ref) {
    const typed = /^([A-Za-z]+):/.exec(text.trim());
    const why = !typed
      ? ""
      : OBJECT_TYPES.some((t) => t.toLowerCase() === typed[1]!.toLowerCase())
        ? " (the ID must be a positive whole number)"
        : ` (unknown type "${typed[1]}")`;
    throw new UsageError(`"${text}" is not an object reference${why}; expected ${expected}`);
  }
  if (!(allowed as readonly ObjectType[]).includes(ref.type)) {
    throw new UsageError(`${ref.type}:${ref.id} cannot be used here; expected ${expected}`);
  }
  return ref as ObjectRef<T>;
}

/** An id given as `12` or `Type:12`. */
export function parseIdArg(text: string, type: ObjectType): number | undefined {
  if (/^\d{1,15}$/.test(text.trim())) {
    const id = Number(text);
    return id > 0 ? id : undefined;
  }
  const ref = parseRef(text);
  return ref?.type === type ? ref.id : undefined;
}
