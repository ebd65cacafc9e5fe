/** `KEY=VALUE` arguments, as in `fovea obj new Dataset name=Mitosis description="fixed cells"`. */
import { UsageError } from "./usage-error.ts";

const KEY_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Splits each argument at its first `=` (values may contain `=`; an empty value is allowed).
 * A missing `=`, a malformed key, a key outside `allowed` or a repeated key is a usage error that
 * names the argument, so that a typo never silently becomes a different field.
 */
export function parseKeyValues(args: readonly string[], allowed?: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const arg of args) {
    const eq = arg.indexOf("=");
    if (eq < 0) throw new UsageError(`expected KEY=VALUE, got "${arg}"`);
    const key = arg.slice(0, eq);
    if (!KEY_RE.test(key)) throw new UsageError(`"${key}" in "${arg}" is not a valid key (letters, digits, _)`);
    if (allowed && !allowed.includes(key)) {
      throw new UsageError(`unknown key "${key}"; expected one of: ${allowed.join(", ")}`);
    }
    if (out.has(key)) throw new UsageError(`"${key}" is given twice`);
    out.set(key, arg.slice(eq + 1));
  }
  return out;
}
