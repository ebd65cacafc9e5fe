/**
 * The schema validator: TypeBox, compiled once per schema. Bodies are checked as sent (no
 * coercion: a string is never silently a number). Path and query strings must be converted, but
 * only when the text is exactly a number or boolean: `4.5`, `0x10` or ` 7 ` are not the id 4, 16
 * or 7 (TypeBox's Convert would round or trim them), so they are refused.
 */
import type { FastifySchemaCompiler } from "fastify";
import type { TSchema } from "typebox";
import { Compile } from "typebox/compile";
import Value from "typebox/value";

const INTEGER = /^-?(0|[1-9]\d*)$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

interface PropertySchema {
  type?: string;
  anyOf?: PropertySchema[];
}

/** Replaces strings that are not in canonical form by a value the schema will refuse. */
function rejectSloppyNumbers(schema: TSchema, value: unknown): unknown {
  const properties = (schema as { properties?: Record<string, PropertySchema> }).properties;
  if (!properties || typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, prop] of Object.entries(properties)) {
    const v = out[key];
    if (typeof v !== "string") continue;
    if (prop.type === "integer" && !INTEGER.test(v)) out[key] = { notAnInteger: v };
    else if (prop.type === "number" && !NUMBER.test(v)) out[key] = { notANumber: v };
    else if (prop.type === "boolean" && v !== "true" && v !== "false") out[key] = { notABoolean: v };
  }
  return out;
}

export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (input) => {
    const value = httpPart === "body" ? input : Value.Convert(schema, rejectSloppyNumbers(schema, input));
    if (check.Check(value)) return { value };
    return { error: check.Errors(value) as never };
  };
};
