/**
 * The job-system test harness: a real, listening Fovea server (job processes call it back over
 * HTTP), real child processes for every job, and a plain `fetch` client so that every request goes
 * through the socket as a script's own requests do. A server runs either in this process
 * (`startJobServer`) or as a child process that a test may SIGKILL (`startServerProcess`).
 *
 * Scripts are small TypeScript files written to a temp directory and uploaded as multipart
 * (fields first, then `file`), exactly as `fovea script upload` sends them.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import pg from "pg";
import type { GroupPermissions, JobDto, JobStatus, Privilege, ScriptDto } from "@fovea/model";
import { createImageRecord, loadConfig, startServer, type RunningServer, type ServerConfig } from "@fovea/server";
import type { ApiResponse, Json } from "../support/api-client.ts";
import { multipartBody } from "../support/multipart.ts";

export const ROOT_PASSWORD = "root-pass-123";
export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FINISHED: readonly JobStatus[] = ["succeeded", "failed", "cancelled", "timed_out"];

/** The first line of every test script. */
export const SDK_IMPORT = 'import { defineScript, p } from "@fovea/sdk";\n';

/** A fetch-based API client; responses have the shape test/support's assertError expects. */
export class Http {
  constructor(readonly baseUrl: string, readonly token?: string) {}

  get(path: string): Promise<ApiResponse> {
    return this.request("GET", path);
  }
  post(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("POST", path, body);
  }
  put(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("PUT", path, body);
  }
  patch(path: string, body?: unknown): Promise<ApiResponse> {
    return this.request("PATCH", path, body);
  }
  del(path: string): Promise<ApiResponse> {
    return this.request("DELETE", path);
  }

  async request(method: string, path: string, body?: unknown, raw?: { body: Buffer; contentType: string }): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`;
    let payload: Buffer | string | undefined;
    if (raw) {
      payload = raw.body;
      headers["content-type"] = raw.contentType;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(this.url(path), { method, headers, ...(payload !== undefined && { body: payload }) });
    const text = await res.text();
    const contentType = res.headers.get("content-type") ?? "";
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => { outHeaders[k] = v; });
    return {
      status: res.status,
      json: contentType.startsWith("application/json") && text.length > 0 ? JSON.parse(text) : undefined,
      body: text,
      headers: outHeaders,
      cookies: [],
    };
  }

  /** Multipart upload of a script file: `fields` first, then `file` (POST /scripts, PUT /scripts/:id). */
  upload(method: "POST" | "PUT", path: string, fileName: string, source: string | Buffer, fields: readonly (readonly [string, string])[] = []): Promise<ApiResponse> {
    const data = typeof source === "string" ? Buffer.from(source, "utf8") : source;
    return this.request(method, path, undefined, multipartBody(fields, [{ field: "file", filename: fileName, contentType: "text/plain", data }]));
  }

  url(path: string): string {
    return `${this.baseUrl}${path.startsWith("/api/") ? path : `/api/v1${path}`}`;
  }

  as(token: string): Http {
    return new Http(this.baseUrl, token);
  }
}

/** Fails with the body when the status is not the expected one. */
export function expectOk(res: ApiResponse, status: number, what: string): Json {
  assert.equal(res.status, status, `${what}: expected ${status}, got ${res.status} ${res.body}`);
  return res.json;
}

export interface TestUser {
  readonly id: number;
  readonly username: string;
  readonly password: string;
  readonly token: string;
  readonly api: Http;
}

/** Builders over a server's API, as root. */
export class Accounts {
  constructor(readonly anon: Http, readonly root: Http) {}

  static async login(anon: Http, username: string, password: string): Promise<string> {
    return expectOk(await anon.post("/auth/login", { username, password }), 200, `log in as ${username}`).token as string;
  }

  async newGroup(name: string, permissions: GroupPermissions): Promise<{ id: number; name: string }> {
    const g = expectOk(await this.root.post("/groups", { name, permissions }), 201, `create group ${name}`);
    return { id: g.id as number, name };
  }

  /** A user (password `<name>-password`) in `groups` (the first is the default), logged in. */
  async newUser(name: string, opts: { groups?: number[]; privileges?: Privilege[]; admin?: boolean } = {}): Promise<TestUser> {
    const password = `${name}-password`;
    const u = expectOk(await this.root.post("/users", {
      username: name, password, groups: opts.groups ?? [], privileges: opts.privileges ?? [], isAdmin: opts.admin ?? false,
    }), 201, `create user ${name}`);
    const token = await Accounts.login(this.anon, name, password);
    return { id: u.id as number, username: name, password, token, api: this.anon.as(token) };
  }
}

/** A running server: in-process or a child process. */
export interface JobServer {
  readonly url: string;
  readonly anon: Http;
  readonly root: Http;
  readonly accounts: Accounts;
  /** Where test scripts are written before upload. */
  readonly scriptDir: string;
}

export interface InProcessServer extends JobServer {
  readonly server: RunningServer;
  readonly config: ServerConfig;
  readonly dataDir: string;
  /** Records an image (metadata only) owned by `username` in `groupId`. */
  newImage(username: string, groupId: number, name?: string): Promise<{ id: number; name: string }>;
  close(): Promise<void>;
}

export type Dialect = "sqlite" | "postgres";

export const PG_SKIP_REASON = "FOVEA_TEST_PG_URL is not set: PostgreSQL variant skipped";

/**
 * Registers `body` once per database (STYLE "Tests": SQLite always, PostgreSQL when
 * FOVEA_TEST_PG_URL is set; otherwise a skipped test shows the variant is missing).
 */
export function eachDialect(name: string, body: (dialect: Dialect) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    if (dialect === "postgres" && !process.env.FOVEA_TEST_PG_URL) {
      test(`${name} (postgres)`, { skip: PG_SKIP_REASON }, () => {});
      continue;
    }
    describe(`${name} (${dialect})`, () => body(dialect));
  }
}

/** A fresh PostgreSQL schema for one server (and its restarts); dropped by `drop()`. */
export interface PgSchema {
  readonly url: string;
  readonly schema: string;
  drop(): Promise<void>;
}

export function newPgSchema(): PgSchema {
  const url = process.env.FOVEA_TEST_PG_URL;
  if (!url) throw new Error(PG_SKIP_REASON);
  const schema = `t_jobs_${randomBytes(6).toString("hex")}`;
  return {
    url, schema,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface ServerOptions {
  /** SQLite in the data directory by default. */
  readonly dialect?: Dialect;
  /** Reuse a PostgreSQL schema (restart tests); a fresh one otherwise, dropped on close. */
  readonly pg?: PgSchema;
  readonly workers?: number;
  readonly allowUserScripts?: boolean;
  /** Reuse a data directory (restart tests); a fresh temp one otherwise, removed on close. */
  readonly dataDir?: string;
}

async function newScriptDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "fovea-job-scripts-"));
}

/** Starts a listening server in this process, on a free port, with root logged in. */
export async function startJobServer(opts: ServerOptions = {}): Promise<InProcessServer> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? await mkdtemp(join(tmpdir(), "fovea-jobs-test-"));
  const scriptDir = await newScriptDir();
  const ownPg = opts.dialect === "postgres" && opts.pg === undefined ? newPgSchema() : undefined;
  const pgSchema = opts.pg ?? ownPg;
  const config = loadConfig({}, {
    dataDir, port: 0, host: "127.0.0.1", adminPassword: ROOT_PASSWORD, logLevel: "silent",
    workers: opts.workers ?? 2, allowUserScripts: opts.allowUserScripts ?? false,
    ...(pgSchema && { databaseUrl: pgSchema.url }),
  });
  const server = await startServer(config, pgSchema ? { databaseSchema: pgSchema.schema } : {});
  const anon = new Http(server.url);
  const root = anon.as(await Accounts.login(anon, "root", ROOT_PASSWORD));
  return {
    url: server.url, anon, root, accounts: new Accounts(anon, root), scriptDir, server, config, dataDir,
    async newImage(username, groupId, name = `image-${randomBytes(4).toString("hex")}`) {
      const image = await createImageRecord(server, { ownerUsername: username, groupId, name });
      return { id: image.id, name: image.name };
    },
    async close() {
      await server.close();
      await rm(scriptDir, { recursive: true, force: true });
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
      await ownPg?.drop();
    },
  };
}

/** A server process; the caller kills it and removes `scriptDir`. */
export interface ServerProcess extends JobServer {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/**
 * Starts `test/jobs/server-process.ts` as a child process on `dataDir` (any free port) and waits
 * for the URL it prints. The caller kills it (SIGKILL in the restart tests, SIGTERM otherwise).
 */
export async function startServerProcess(dataDir: string, opts: ServerOptions = {}): Promise<ServerProcess> {
  const entry = join(REPO_ROOT, "test/jobs/server-process.ts");
  const config = {
    dataDir, workers: opts.workers ?? 2, allowUserScripts: opts.allowUserScripts ?? false, adminPassword: ROOT_PASSWORD,
    ...(opts.pg && { databaseUrl: opts.pg.url, databaseSchema: opts.pg.schema }),
  };
  const child = spawn(process.execPath, ["--import", "tsx", entry, JSON.stringify(config)], {
    cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FOVEA_LOG_LEVEL: "silent" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => { stderr += c.toString("utf8"); });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`the server process did not start within 30 s:\n${stderr}`)), 30_000);
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString("utf8");
      const m = /^listening (\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server process exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
  const anon = new Http(url);
  const root = anon.as(await Accounts.login(anon, "root", ROOT_PASSWORD));
  return { url, anon, root, accounts: new Accounts(anon, root), scriptDir: await newScriptDir(), child, pid: child.pid!, exited };
}

/** Writes `NAME.ts` (the SDK import plus `body`) to the server's script dir; returns its path. */
export async function writeScript(server: Pick<JobServer, "scriptDir">, fileName: string, body: string): Promise<string> {
  const path = join(server.scriptDir, fileName);
  await writeFile(path, `${SDK_IMPORT}${body}`);
  return path;
}

/** Writes a script file and uploads it (official unless told otherwise); returns the raw response. */
export async function uploadScript(server: Pick<JobServer, "scriptDir">, api: Http, fileName: string, body: string, opts: { official?: boolean } = {}): Promise<ApiResponse> {
  const path = await writeScript(server, fileName, body);
  return api.upload("POST", "/scripts", fileName, await readFile(path), [["official", String(opts.official ?? true)]]);
}

/** Uploads a script that must be accepted. */
export async function addScript(server: Pick<JobServer, "scriptDir">, api: Http, fileName: string, body: string, opts: { official?: boolean } = {}): Promise<ScriptDto> {
  return expectOk(await uploadScript(server, api, fileName, body, opts), 201, `upload ${fileName}`) as ScriptDto;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Launches a job that must be accepted. */
export async function launch(api: Http, scriptId: number, inputs: Record<string, unknown> = {}): Promise<JobDto> {
  return expectOk(await api.post(`/scripts/${scriptId}/launch`, { inputs }), 201, `launch script ${scriptId}`) as JobDto;
}

export async function getJob(api: Http, id: number): Promise<JobDto> {
  return expectOk(await api.get(`/jobs/${id}`), 200, `get job ${id}`) as JobDto;
}

/** Polls a job until `until(job)` holds (by default: it finished); fails after `timeoutMs`. */
export async function waitForJob(api: Http, id: number, opts: { timeoutMs?: number; until?: (job: JobDto) => boolean } = {}): Promise<JobDto> {
  const until = opts.until ?? ((j: JobDto) => FINISHED.includes(j.status));
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    const job = await getJob(api, id);
    if (until(job)) return job;
    if (Date.now() > deadline) assert.fail(`job ${id} did not reach the expected state in time; last seen: ${JSON.stringify(job)}`);
    await sleep(50);
  }
}

export async function jobLog(api: Http, id: number, stream: "stdout" | "stderr"): Promise<string> {
  const res = await api.get(`/jobs/${id}/logs/${stream}`);
  assert.equal(res.status, 200, `log ${stream} of job ${id}: ${res.body}`);
  return res.body;
}

/** Waits until the job's stdout log matches `pattern`; returns the first match. */
export async function waitForLog(api: Http, id: number, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(await jobLog(api, id, "stdout"));
    if (m) return m;
    const job = await getJob(api, id);
    if (FINISHED.includes(job.status)) assert.fail(`job ${id} ended (${job.status}: ${job.error}) before its log matched ${pattern}`);
    if (Date.now() > deadline) assert.fail(`job ${id}'s log did not match ${pattern} in time`);
    await sleep(25);
  }
}

/** Total jobs of the API's user. */
export async function jobTotal(api: Http): Promise<number> {
  return expectOk(await api.get("/jobs?limit=1"), 200, "list jobs").total as number;
}

/** True while a process with this id exists (signal 0 answers ESRCH once it is gone and reaped). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw err;
  }
}

/** True while any process of the group exists. */
export function groupExists(pgid: number): boolean {
  return processExists(-pgid);
}

/** Kills a process group a test left behind (clean-up only; absent groups are fine). */
export function killGroupQuietly(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** One Server-Sent Event. */
export interface SseEvent {
  readonly event: string;
  readonly data: Json;
}

/**
 * Opens an SSE stream and collects its events until the server ends it (or `timeoutMs`).
 * `onEvent` sees each event as it arrives (the handshake in the progress test uses it).
 */
export async function collectEvents(api: Http, path: string, onEvent: (e: SseEvent) => void | Promise<void>, timeoutMs = 60_000): Promise<SseEvent[]> {
  const res = await fetch(api.url(path), {
    headers: { authorization: `Bearer ${api.token}`, accept: "text/event-stream" },
    signal: AbortSignal.timeout(timeoutMs),
  });
  assert.equal(res.status, 200, `SSE ${path}: ${res.status}`);
  assert.match(res.headers.get("content-type") ?? "", /^text\/event-stream/);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      if (data.length === 0) continue;
      const e = { event, data: JSON.parse(data.join("\n")) as Json };
      events.push(e);
      await onEvent(e);
    }
  }
  return events;
}
