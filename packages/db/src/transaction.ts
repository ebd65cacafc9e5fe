/** One transaction helper, so that nested calls join the outer transaction instead of deadlocking. */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

interface OpenTransaction {
  readonly db: object;
  /** Cleared at commit/rollback: work `fn` left running afterwards is no longer inside it. */
  open: boolean;
}

/** The transactions the current async call chain runs inside. */
const openTransactions = new AsyncLocalStorage<readonly OpenTransaction[]>();

/**
 * Runs `fn` in a transaction, or directly on `db` when it already is one. (Opening a second
 * transaction from inside one would wait forever on SQLite's single connection.)
 */
export async function inTransaction<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  const entry: OpenTransaction = { db, open: true };
  try {
    return await db.transaction().execute((trx) =>
      openTransactions.run([...(openTransactions.getStore() ?? []), entry], () => fn(trx)));
  } finally {
    entry.open = false;
  }
}

/** True when the caller runs inside a still-open transaction that inTransaction opened on `db`. */
export function isInsideTransactionOf(db: object): boolean {
  return openTransactions.getStore()?.some((t) => t.open && t.db === db) ?? false;
}
