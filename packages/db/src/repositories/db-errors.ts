/**
 * Turns the drivers' constraint errors into catalogued FoveaErrors, so that services never see a
 * SqliteError or a pg DatabaseError. Both drivers put a string `code` on the error.
 */
import { FoveaError } from "@fovea/model";

const UNIQUE_CODES = new Set([
  "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", // better-sqlite3
  "23505", // PostgreSQL unique_violation
]);
const FOREIGN_KEY_CODES = new Set([
  "SQLITE_CONSTRAINT_FOREIGNKEY",
  "23503", // PostgreSQL foreign_key_violation
]);

function codeOf(err: unknown): string | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** A unique or primary-key constraint failed (either driver). */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && UNIQUE_CODES.has(code);
}

/** A foreign-key constraint failed (either driver). */
export function isForeignKeyViolation(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && FOREIGN_KEY_CODES.has(code);
}

/**
 * Converts a constraint violation into CONFLICT ("<what> already exists") or NOT_FOUND (a
 * referenced row is missing); any other error is returned unchanged. Use as
 * `catch (err) { throw translateDbError(err, "A user named x") }`.
 */
export function translateDbError(err: unknown, what: string): unknown {
  if (isUniqueViolation(err)) return new FoveaError("CONFLICT", `${what} already exists`, { cause: err });
  if (isForeignKeyViolation(err)) return new FoveaError("NOT_FOUND", "A referenced object does not exist", { cause: err });
  return err;
}

/** Runs `op`, translating constraint violations as translateDbError does. */
export async function guarded<T>(what: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw translateDbError(err, what);
  }
}

/** The NOT_FOUND error for a missing row: "<What> <id> does not exist". */
export function notFound(what: string, id: number | string): FoveaError {
  return new FoveaError("NOT_FOUND", `${what} ${id} does not exist`);
}
