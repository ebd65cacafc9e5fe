/**
 * Opens the metadata database from a URL: `sqlite:/abs/path.db`, `sqlite::memory:` or
 * `postgres://…`. The caller (a composition root) owns the handle and must close it.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import { FoveaError } from "@fovea/model";
import { guardAgainstSelfDeadlock } from "./deadlock-guard.ts";
import { migrateToLatest } from "./migrations/migrator.ts";
import type { Database, SqlDialect } from "./schema.ts";

/** Where the database is; see openDatabase. */
export interface OpenDatabaseOptions {
  /** `sqlite:/abs/path.db` (the directory is created), `sqlite::memory:` or `postgres://…`. */
  readonly url: string;
  /** PostgreSQL only: the schema to work in (created by migrate() if missing). Used by tests. */
  readonly schema?: string | undefined;
}

/** An open database: the Kysely handle for createRepositories, plus its lifecycle. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** Brings the schema up to date; safe to call on every start. */
  migrate(): Promise<void>;
  /** Closes the SQLite file or ends the PostgreSQL pool. */
  close(): Promise<void>;
}

const SCHEMA_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function sqliteDialect(path: string): Dialect {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while a writer commits; busy_timeout makes a second process wait for
  // the write lock instead of failing at once; SQLite leaves foreign keys off unless asked.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: sqlite });
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const FLOAT8_OID = 701;

/**
 * pg returns int8 (our bigserial ids, count(*)) and numeric as strings. Ids stay far below 2^53,
 * so numbers are safe. Set per pool rather than on pg's global registry, which other code shares.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8_OID || oid === NUMERIC_OID || oid === FLOAT8_OID) return (v: string) => Number(v);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
};

function postgresDialect(url: string, schema: string | undefined): Dialect {
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // pg emits "error" on the pool when an idle connection dies (server restart, network). The pool
  // already drops that client and the next query reconnects or fails visibly; without a listener
  // the event would crash the process.
  pool.on("error", () => {});
  return new PostgresDialect({ pool });
}

function parseUrl(url: string): { dialect: SqlDialect; target: string } {
  if (url.startsWith("sqlite:")) return { dialect: "sqlite", target: url.slice("sqlite:".length) };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", target: url };
  throw new FoveaError("VALIDATION_FAILED", `Unsupported database URL "${url}": use sqlite:/path/to/fovea.db, sqlite::memory: or postgres://…`);
}

/** Opens (but does not migrate) the database named by `options.url`. */
export function openDatabase(options: OpenDatabaseOptions): DatabaseHandle {
  const { dialect, target } = parseUrl(options.url);
  const schema = dialect === "postgres" ? options.schema : undefined;
  if (schema !== undefined && !SCHEMA_NAME_RE.test(schema)) {
    throw new FoveaError("VALIDATION_FAILED", `Invalid PostgreSQL schema name "${schema}"`);
  }
  if (dialect === "sqlite" && target.length === 0) {
    throw new FoveaError("VALIDATION_FAILED", "A sqlite: URL needs a file path (or :memory:)");
  }
  const inner = dialect === "sqlite" ? sqliteDialect(target) : postgresDialect(target, schema);
  let owner: Kysely<Database> | undefined;
  const db = new Kysely<Database>({ dialect: guardAgainstSelfDeadlock(inner, () => owner) });
  owner = db;
  return {
    db,
    dialect,
    async migrate() {
      if (schema === undefined) {
        await migrateToLatest(db, { dialect, schema });
        return;
      }
      await db.schema.createSchema(schema).ifNotExists().execute();
      // Kysely's Migrator looks for its bookkeeping table by introspecting every schema of the
      // database; when another schema is dropped at that moment (parallel test runs, each in its
      // own schema), the catalogue query fails with "schema/relation/column does not exist".
      // Those failures concern the other schema, so trying again is right.
      for (let attempt = 1; ; attempt++) {
        try {
          await migrateToLatest(db, { dialect, schema });
          return;
        } catch (err) {
          if (attempt >= 5 || !/does not exist/.test((err as Error).message)) throw err;
          await new Promise((r) => setTimeout(r, 50 * attempt));
        }
      }
    },
    close: () => db.destroy(),
  };
}
