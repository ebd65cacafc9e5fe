/** Object references: the `Type:ID` strings of the CLI and the `{ type, id }` objects of JSON. */
export const OBJECT_TYPES = [
  "Project", "Dataset", "Image", "Roi", "Shape", "FileAnnotation", "TagAnnotation", "CommentAnnotation",
  "MapAnnotation", "Script", "Job", "User", "Group",
] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];

export interface ObjectRef<T extends ObjectType = ObjectType> {
  readonly type: T;
  readonly id: number;
}

/** Parses `Image:12` (type names are case-insensitive on input). Returns undefined when malformed. */
export function parseRef(text: string): ObjectRef | undefined {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(text.trim());
  if (!m) return undefined;
  const type = OBJECT_TYPES.find((t) => t.toLowerCase() === m[1]!.toLowerCase());
  const id = Number(m[2]);
  if (!type || !Number.isSafeInteger(id) || id <= 0) return undefined;
  return { type, id };
}

export function formatRef(ref: ObjectRef): string {
  return `${ref.type}:${ref.id}`;
}
