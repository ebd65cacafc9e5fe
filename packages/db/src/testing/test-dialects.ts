/**
 * The dialect loop (as in Kysely's own tests): one suite, run on SQLite in a temp file always and
 * on PostgreSQL when FOVEA_TEST_PG_URL is set. Every test gets a fresh, migrated database: a new
 * SQLite file, or a new random PostgreSQL schema that is dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import type { Clock, Repositories } from "@fovea/core";
import { openDatabase, type DatabaseHandle } from "../connect.ts";
import { createRepositories } from "../repositories/repositories.ts";
import type { SqlDialect } from "../schema.ts";
import { createBuilders, type Builders } from "./test-builders.ts";

/** Shown for the skipped PostgreSQL run. */
export const PG_SKIP_REASON = "FOVEA_TEST_PG_URL is not set: PostgreSQL tests skipped";

/** A clock tests move by hand; starts at a fixed instant. */
export class TestClock implements Clock {
  #ms = Date.parse("2025-01-01T00:00:00.000Z");
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

interface Opened {
  handle: DatabaseHandle;
  repos: Repositories;
  build: Builders;
  cleanup: () => Promise<void>;
}

/** What a test reads; the getters throw outside a test (before beforeEach ran). */
export class DialectFixture {
  readonly dialect: SqlDialect;
  clock = new TestClock();
  #opened: Opened | undefined;

  constructor(dialect: SqlDialect) {
    this.dialect = dialect;
  }

  get handle(): DatabaseHandle {
    return this.#current().handle;
  }
  get repos(): Repositories {
    return this.#current().repos;
  }
  get build(): Builders {
    return this.#current().build;
  }

  async open(): Promise<void> {
    this.clock = new TestClock();
    const { handle, cleanup } = await openFresh(this.dialect);
    await handle.migrate();
    const repos = createRepositories(handle.db, { clock: this.clock });
    this.#opened = { handle, repos, build: createBuilders(repos), cleanup };
  }

  async close(): Promise<void> {
    const opened = this.#opened;
    this.#opened = undefined;
    await opened?.cleanup();
  }

  #current(): Opened {
    if (!this.#opened) throw new Error("The test database is only open inside a test");
    return this.#opened;
  }
}

async function openFresh(dialect: SqlDialect): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "fovea-db-test-"));
    const handle = openDatabase({ url: `sqlite:${join(dir, "fovea.db")}` });
    return { handle, cleanup: async () => { await handle.close(); await rm(dir, { recursive: true, force: true }); } };
  }
  const schema = `fovea_test_${randomBytes(6).toString("hex")}`;
  const handle = openDatabase({ url: process.env.FOVEA_TEST_PG_URL ?? "", schema });
  return {
    handle,
    cleanup: async () => {
      try {
        await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await handle.close();
      }
    },
  };
}

/** Registers `body`'s tests once per dialect, each test on a fresh database. */
export function forEachDialect(name: string, body: (fx: DialectFixture) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    if (dialect === "postgres" && !process.env.FOVEA_TEST_PG_URL) {
      // A skipped test (not a skipped suite) so that the run's "# skipped" count shows it.
      test(`${name} (postgres)`, { skip: PG_SKIP_REASON }, () => {});
      continue;
    }
    describe(`${name} (${dialect})`, () => {
      const fx = new DialectFixture(dialect);
      beforeEach(() => fx.open());
      afterEach(() => fx.close());
      body(fx);
    });
  }
}
