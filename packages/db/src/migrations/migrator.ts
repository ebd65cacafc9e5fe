/**
 * Runs the schema migrations, which live in code (not files on disk) so that a bundled server
 * carries them. Kysely's Migrator records applied migrations, so running it again is a no-op.
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { FoveaError } from "@fovea/model";
import { initMigration } from "./0001-init.ts";
import { originalFilesMigration } from "./0002-original-files.ts";
import { scriptsJobsMigration } from "./0003-scripts-jobs.ts";
import type { Database, SqlDialect } from "../schema.ts";

/** Names sort in the order they must run. */
function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return {
    "0001-init": initMigration(dialect),
    "0002-original-files": originalFilesMigration(dialect),
    "0003-scripts-jobs": scriptsJobsMigration(dialect),
  };
}

class InCodeMigrationProvider implements MigrationProvider {
  readonly #dialect: SqlDialect;
  constructor(dialect: SqlDialect) {
    this.#dialect = dialect;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.#dialect);
  }
}

/** Which DDL variant to run, and where PostgreSQL keeps the tables. */
export interface MigrateOptions {
  readonly dialect: SqlDialect;
  /**
   * PostgreSQL schema that holds the tables. Kysely looks for its bookkeeping table in every
   * schema unless told which one, so several Fovea schemas in one database need this.
   */
  readonly schema?: string | undefined;
}

/** Applies every pending migration; throws (naming the migration) when one fails. */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrationProvider(options.dialect),
    ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
  });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "(bookkeeping)";
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new FoveaError("INTERNAL", `Database migration ${failed} failed: ${reason}`, { cause: result.error });
  }
  return result;
}
