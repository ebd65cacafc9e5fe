/**
 * The script declaration (SPEC §4, SCRIPTS.md §1): what a script says about itself in describe
 * mode, in every language. This one TypeBox schema is the JSON Schema all runtimes are checked
 * against (the Python SDK emits the same JSON), and its static type is what the server stores.
 */
import Type, { type Static } from "typebox";
import { OBJECT_TYPES } from "../refs.ts";

/** The parameter types: OMERO's set plus `file` (an input file, as a FileAnnotation reference). */
export const PARAM_TYPES = ["string", "long", "int", "float", "bool", "list", "map", "color", "object", "file"] as const;
export type ParamType = (typeof PARAM_TYPES)[number];

/** Types a list may hold. */
export const LIST_ELEMENT_TYPES = ["string", "long", "int", "float", "bool", "color", "object"] as const;
export type ListElementType = (typeof LIST_ELEMENT_TYPES)[number];

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);
const Grouping = Type.String({ pattern: "^[0-9]+(\\.[0-9]+)*$", description: "Dotted order key: 1, 2, 2.1 …" });

export const ParamDeclSchema = Type.Object({
  name: Type.String({ pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$", description: "Identifier, e.g. Data_Type" }),
  type: Type.Enum(PARAM_TYPES),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  optional: Type.Optional(Type.Boolean()),
  default: Type.Optional(Type.Unknown()),
  values: Type.Optional(Type.Array(Scalar, { minItems: 1, maxItems: 1000, description: "Allowed choices" })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  grouping: Type.Optional(Grouping),
  /** For lists: the element type (with its own values/min/max above applying to each element). */
  element: Type.Optional(Type.Enum(LIST_ELEMENT_TYPES)),
  /** For object references (and lists of them): the accepted object types. */
  objectTypes: Type.Optional(Type.Array(Type.Enum(OBJECT_TYPES), { minItems: 1 })),
}, { additionalProperties: false });

export const ScriptDeclarationSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Type.String({ maxLength: 10_000 })),
  folder: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$", maxLength: 255, description: "Menu folder, e.g. export_scripts" })),
  authors: Type.Optional(Type.Array(Type.String({ maxLength: 255 }))),
  institutions: Type.Optional(Type.Array(Type.String({ maxLength: 255 }))),
  contact: Type.Optional(Type.String({ maxLength: 255 })),
  version: Type.Optional(Type.String({ maxLength: 64 })),
  /** Wall-clock limit the script asks for; the server caps it at its maximum. */
  timeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 3600 })),
  /** Memory the script asks for; the server caps it. */
  memoryMb: Type.Optional(Type.Integer({ minimum: 16, maximum: 1_048_576 })),
  /** Safe to run again from the start when its worker was lost (else the job fails). */
  rerunnable: Type.Optional(Type.Boolean()),
  params: Type.Array(ParamDeclSchema, { maxItems: 200 }),
}, { additionalProperties: false });

export type ParamDecl = Static<typeof ParamDeclSchema>;
export type ScriptDeclaration = Static<typeof ScriptDeclarationSchema>;

/** Script languages the runner knows. */
export const SCRIPT_LANGUAGES = ["typescript", "javascript", "python"] as const;
export type ScriptLanguage = (typeof SCRIPT_LANGUAGES)[number];
