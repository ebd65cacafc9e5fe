/**
 * @fovea/db: the metadata database (SQLite or PostgreSQL via Kysely), the repository
 * implementations of @fovea/core's ports, the embedded SQL job queue, and the on-disk FileStore.
 */
export { openDatabase, type DatabaseHandle, type OpenDatabaseOptions } from "./connect.ts";
export { migrateToLatest, type MigrateOptions } from "./migrations/migrator.ts";
export { createRepositories, type RepositoryOptions } from "./repositories/repositories.ts";
export { DiskFileStore } from "./files/file-store.ts";
export type { Database, SqlDialect } from "./schema.ts";
export { SqlJobQueue, type SqlJobQueueOptions } from "./queue/sql-job-queue.ts";
