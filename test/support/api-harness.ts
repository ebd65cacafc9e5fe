/**
 * The API test harness: a real server (real services, real database, real argon2) driven
 * in-process with `inject`, once on SQLite in a temp data directory and once on PostgreSQL in a
 * fresh random schema when FOVEA_TEST_PG_URL is set (the dialect loop of STYLE "Tests").
 *
 * One server per suite: users cost an argon2 hash (~50 ms) each, so suites create them once in a
 * `before` hook and every test makes the fresh objects it needs with the builders below.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import type { GroupPermissions, Privilege } from "@fovea/model";
import { createImageRecord, loadConfig, startServer, type ImageRecordInput, type RunningServer, type ServerConfig } from "@fovea/server";
import { ApiClient, expectStatus, type Json } from "./api-client.ts";
import { TestClock } from "./test-clock.ts";

export type Dialect = "sqlite" | "postgres";

export const PG_SKIP_REASON = "FOVEA_TEST_PG_URL is not set: PostgreSQL variant skipped";
export const ADMIN_PASSWORD = "root-pass-123";
/** Small, so upload limits can be crossed cheaply. */
export const MAX_UPLOAD_BYTES = 64 * 1024;

export interface TestUser {
  readonly id: number;
  readonly username: string;
  readonly password: string;
}

export interface NewUserOptions {
  /** Group ids; the first becomes the default group. */
  readonly groups?: readonly number[];
  readonly admin?: boolean;
  readonly privileges?: readonly Privilege[];
}

interface Running {
  readonly server: RunningServer;
  readonly config: ServerConfig;
  readonly rootToken: string;
}

/** What a suite's tests use; valid between the suite's `before` and `after` hooks. */
export class ApiContext {
  readonly dialect: Dialect;
  readonly clock = new TestClock();
  #running: Running | undefined;
  #cleanups: (() => Promise<void>)[] = [];

  constructor(dialect: Dialect) {
    this.dialect = dialect;
  }

  get server(): RunningServer {
    return this.#current().server;
  }
  get config(): ServerConfig {
    return this.#current().config;
  }
  get dataDir(): string {
    return this.#current().config.dataDir;
  }
  /** The `root` administrator of the server's first start. */
  get root(): ApiClient {
    return this.as(this.#current().rootToken);
  }
  /** A client that sends no credentials. */
  get anon(): ApiClient {
    return new ApiClient(this.server.app, { kind: "none" });
  }

  as(token: string): ApiClient {
    return new ApiClient(this.server.app, { kind: "bearer", token });
  }

  withCookie(cookie: string, csrfToken?: string): ApiClient {
    return new ApiClient(this.server.app, { kind: "cookie", cookie, ...(csrfToken !== undefined && { csrfToken }) });
  }

  async start(): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), "fovea-api-test-"));
    this.#cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const pgUrl = process.env.FOVEA_TEST_PG_URL;
    let schema: string | undefined;
    if (this.dialect === "postgres") {
      if (!pgUrl) throw new Error(PG_SKIP_REASON);
      const name = `t_${randomBytes(6).toString("hex")}`;
      schema = name;
      this.#cleanups.push(() => dropSchema(pgUrl, name));
    }
    const config = loadConfig({}, {
      dataDir, adminPassword: ADMIN_PASSWORD, logLevel: "silent", maxUploadBytes: MAX_UPLOAD_BYTES, port: 0,
      ...(this.dialect === "postgres" && { databaseUrl: pgUrl }),
    });
    const server = await startServer(config, { listen: false, clock: this.clock, ...(schema !== undefined && { databaseSchema: schema }) });
    this.#cleanups.push(() => server.close());
    const rootToken = await loginWith(new ApiClient(server.app, { kind: "none" }), "root", ADMIN_PASSWORD);
    this.#running = { server, config, rootToken };
  }

  /** Closes the server, then drops the PostgreSQL schema and the data directory (in reverse order of creation). */
  async stop(): Promise<void> {
    this.#running = undefined;
    const errors: unknown[] = [];
    for (const cleanup of this.#cleanups.reverse()) await cleanup().catch((err: unknown) => errors.push(err));
    this.#cleanups = [];
    if (errors.length > 0) throw new AggregateError(errors, "API test clean-up failed");
  }

  /** Logs in with a bearer-token session and returns the token. */
  login(username: string, password: string): Promise<string> {
    return loginWith(this.anon, username, password);
  }

  /** Creates a user (as root) whose password is `<name>-password`; the first group is its default. */
  async newUser(name: string, opts: NewUserOptions = {}): Promise<TestUser> {
    const password = `${name}-password`;
    const res = expectStatus(await this.root.post("/users", {
      username: name, password, groups: opts.groups ?? [], isAdmin: opts.admin ?? false, privileges: opts.privileges ?? [],
    }), 201, `create user ${name}`);
    return { id: res.json.id as number, username: name, password };
  }

  async newGroup(name: string, permissions: GroupPermissions): Promise<{ id: number; name: string; permissions: GroupPermissions }> {
    const res = expectStatus(await this.root.post("/groups", { name, permissions }), 201, `create group ${name}`);
    return { id: res.json.id as number, name, permissions };
  }

  /** Adds a member (as root); `owner` makes it a group owner (OMERO's PI). */
  async addMember(groupId: number, userId: number, owner = false): Promise<void> {
    expectStatus(await this.root.post(`/groups/${groupId}/members`, { user: userId, owner }), 200, `add user ${userId} to group ${groupId}`);
  }

  newProject(token: string, name: string, groupId?: number): Promise<Json> {
    return this.#create(token, "projects", name, groupId);
  }

  newDataset(token: string, name: string, groupId?: number): Promise<Json> {
    return this.#create(token, "datasets", name, groupId);
  }

  /** Records an image owned by `username` through the service call import uses (no pixels). */
  newImage(username: string, input: Omit<ImageRecordInput, "ownerUsername" | "name"> & { name?: string }): Promise<Json> {
    return createImageRecord(this.server, { ...input, ownerUsername: username, name: input.name ?? `image-${randomBytes(3).toString("hex")}` });
  }

  /** The `total` of a list endpoint as seen by `token` (root when omitted). */
  async total(path: string, token?: string): Promise<number> {
    const client = token === undefined ? this.root : this.as(token);
    const res = expectStatus(await client.get(path), 200, `list ${path}`);
    return res.json.total as number;
  }

  async #create(token: string, path: string, name: string, groupId: number | undefined): Promise<Json> {
    const res = await this.as(token).post(`/${path}`, { name, ...(groupId !== undefined && { groupId }) });
    return expectStatus(res, 201, `create ${path} ${name}`).json;
  }

  #current(): Running {
    if (!this.#running) throw new Error("The API test server runs only between the suite's before and after hooks");
    return this.#running;
  }
}

async function loginWith(client: ApiClient, username: string, password: string): Promise<string> {
  const res = expectStatus(await client.post("/auth/login", { username, password }), 200, `log in as ${username}`);
  return res.json.token as string;
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Registers `body` once per dialect inside a `describe`, with a server started before its tests and
 * stopped after them. Without FOVEA_TEST_PG_URL the PostgreSQL variant is a skipped test (so the
 * run's skip count shows it) rather than silently missing.
 */
export function forEachDialect(name: string, body: (ctx: ApiContext) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    if (dialect === "postgres" && !process.env.FOVEA_TEST_PG_URL) {
      test(`${name} (postgres)`, { skip: PG_SKIP_REASON }, () => {});
      continue;
    }
    describe(`${name} (${dialect})`, () => {
      const ctx = new ApiContext(dialect);
      before(() => ctx.start());
      after(() => ctx.stop());
      body(ctx);
    });
  }
}
