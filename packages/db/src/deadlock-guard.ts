/**
 * Fails fast, instead of hanging, when code inside `transaction(fn)` queries the database through
 * the outer handle rather than the repositories `fn` was given. On SQLite that query waits for the
 * one connection the transaction holds, forever; on PostgreSQL it silently runs outside the
 * transaction (and can exhaust the pool under load). Both are bugs in the caller.
 */
import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from "kysely";
import { FoveaError } from "@fovea/model";
import { isInsideTransactionOf } from "./transaction.ts";

class GuardedDriver implements Driver {
  readonly #inner: Driver;
  readonly #owner: () => object | undefined;

  constructor(inner: Driver, owner: () => object | undefined) {
    this.#inner = inner;
    this.#owner = owner;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    // A transaction acquires its connection once, before `fn` runs; any acquisition from inside
    // `fn` therefore comes from a query on the outer handle.
    const owner = this.#owner();
    if (owner !== undefined && isInsideTransactionOf(owner)) {
      return Promise.reject(new FoveaError("INTERNAL",
        "A query used the outer database handle inside transaction(fn); use the repositories passed to fn"));
    }
    return this.#inner.acquireConnection();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

/** Wraps `dialect` so that its driver refuses queries on `owner()` from inside its own transactions. */
export function guardAgainstSelfDeadlock(dialect: Dialect, owner: () => object | undefined): Dialect {
  return {
    createDriver: () => new GuardedDriver(dialect.createDriver(), owner),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
