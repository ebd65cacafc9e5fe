/**
 * What the pixel-import acceptance tests share: where the real test files are (and the skip reason
 * when they are not), an in-process server with a real upload limit run in the dialect loop (SQLite,
 * then PostgreSQL when FOVEA_TEST_PG_URL is set), multipart uploads of files and folders, raw pixel
 * reads, and listings of the data directory for "leaves no trace" checks.
 *
 * test/support/api-harness.ts caps uploads at 64 KiB (its tests cross the limit on purpose), so
 * these tests start their own server rather than reuse its ApiContext.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { loadConfig, startServer, type RunningServer } from "@fovea/server";
import { ApiClient, expectStatus, type ApiResponse, type Json } from "../support/api-client.ts";
import { PG_SKIP_REASON } from "../support/api-harness.ts";
import { multipartBody } from "../support/multipart.ts";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The real microscopy files (../shared/data/SOURCES.md). */
export const TEST_DATA = resolve(process.env.FOVEA_TEST_DATA ?? join(REPO_ROOT, "../shared/data"));
export const NO_TEST_DATA = "FOVEA_TEST_DATA folder not found: real-data tests skipped";
/** For `{ skip }` of every test that reads a real file. */
export const SKIP_REAL_DATA: string | false = existsSync(TEST_DATA) ? false : NO_TEST_DATA;

export const ADMIN_PASSWORD = "root-pass-123";
/** Large enough for every real file; the 8192² test runs its own server with the default (1 GiB). */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;

export function dataPath(relativePath: string): string {
  return join(TEST_DATA, ...relativePath.split("/"));
}

/** One multipart `file` part: the name the server records, and the bytes. */
export interface UploadPart {
  readonly name: string;
  readonly data: Buffer;
  /** The multipart field; `file` unless a test sends a wrong one on purpose. */
  readonly field?: string;
}

/** A file on disk as one upload part named by its base name (or `name`). */
export async function filePart(path: string, name = basename(path)): Promise<UploadPart> {
  return { name, data: await readFile(path) };
}

/** Every file of a folder (an OME-Zarr) as one part each, named `<folder>/<relative path>`. */
export async function folderParts(dir: string, top = basename(dir)): Promise<UploadPart[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  return Promise.all(files.map(async (f) => ({ name: [top, ...relative(dir, f).split(sep)].join("/"), data: await readFile(f) })));
}

/** Every entry (files and folders, dot-names included) below `dir`, relative and sorted; [] if absent. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  return entries.map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/") + (e.isDirectory() ? "/" : "")).sort();
}

/** Raw pixels as GET /images/:id/pixels sent them. */
export interface RawPixels {
  readonly status: number;
  readonly dtype: string;
  /** [height, width] from X-Fovea-Shape. */
  readonly shape: [number, number];
  readonly bytes: Buffer;
  readonly body: string;
}

/** What a data directory holds, for before/after comparisons of a failed import. */
export interface DataDirState {
  readonly images: number;
  readonly pixels: string[];
  readonly files: string[];
  readonly tmp: string[];
}

export interface PixelQuery {
  z?: number;
  c?: number;
  t?: number;
  level?: number;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
}

function queryString(q: object): string {
  const pairs = Object.entries(q).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}

/** One server for a suite; valid between the suite's before and after hooks. */
export class PixelServer {
  readonly dialect: "sqlite" | "postgres";
  #server: RunningServer | undefined;
  #dataDir = "";
  #rootToken = "";
  #cleanups: (() => Promise<void>)[] = [];

  constructor(dialect: "sqlite" | "postgres") {
    this.dialect = dialect;
  }

  get server(): RunningServer {
    if (!this.#server) throw new Error("the pixel test server runs only between the suite's before and after hooks");
    return this.#server;
  }
  get dataDir(): string {
    return this.#dataDir;
  }
  get rootToken(): string {
    return this.#rootToken;
  }
  get root(): ApiClient {
    return this.as(this.#rootToken);
  }

  as(token: string): ApiClient {
    return new ApiClient(this.server.app, { kind: "bearer", token });
  }

  async start(): Promise<void> {
    this.#dataDir = await mkdtemp(join(tmpdir(), "fovea-pixels-test-"));
    const dataDir = this.#dataDir;
    this.#cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const pgUrl = process.env.FOVEA_TEST_PG_URL;
    let schema: string | undefined;
    if (this.dialect === "postgres") {
      if (!pgUrl) throw new Error(PG_SKIP_REASON);
      schema = `t_${randomBytes(6).toString("hex")}`;
      const name = schema;
      this.#cleanups.push(() => dropSchema(pgUrl, name));
    }
    const config = loadConfig({}, {
      dataDir, adminPassword: ADMIN_PASSWORD, logLevel: "silent", port: 0, maxUploadBytes: MAX_UPLOAD_BYTES,
      ...(this.dialect === "postgres" && { databaseUrl: pgUrl }),
    });
    const server = await startServer(config, { listen: false, ...(schema !== undefined && { databaseSchema: schema }) });
    this.#cleanups.push(() => server.close());
    this.#server = server;
    this.#rootToken = await this.login("root", ADMIN_PASSWORD);
  }

  async stop(): Promise<void> {
    this.#server = undefined;
    const errors: unknown[] = [];
    for (const cleanup of this.#cleanups.reverse()) await cleanup().catch((err: unknown) => errors.push(err));
    this.#cleanups = [];
    if (errors.length > 0) throw new AggregateError(errors, "pixel test clean-up failed");
  }

  async login(username: string, password: string): Promise<string> {
    const res = await new ApiClient(this.server.app, { kind: "none" }).post("/auth/login", { username, password });
    return expectStatus(res, 200, `log in as ${username}`).json.token as string;
  }

  /** A user (made by root) whose password is `<name>-password`; returns its token. */
  async newUser(name: string, groups: readonly number[]): Promise<{ id: number; token: string }> {
    const password = `${name}-password`;
    const res = expectStatus(await this.root.post("/users", { username: name, password, groups, isAdmin: false, privileges: [] }), 201, `create user ${name}`);
    return { id: res.json.id as number, token: await this.login(name, password) };
  }

  async newGroup(name: string, permissions: string): Promise<number> {
    return expectStatus(await this.root.post("/groups", { name, permissions }), 201, `create group ${name}`).json.id as number;
  }

  async newDataset(token: string, name: string): Promise<Json> {
    return expectStatus(await this.as(token).post("/datasets", { name }), 201, `create dataset ${name}`).json;
  }

  /** POST /import with the fields first, then the file parts. */
  upload(token: string, parts: readonly UploadPart[], fields: readonly (readonly [string, string])[] = []): Promise<ApiResponse> {
    const { body, contentType } = multipartBody(fields, parts.map((p) => ({
      field: p.field ?? "file", filename: p.name, contentType: "application/octet-stream", data: p.data,
    })));
    return this.as(token).request("POST", "/import", { raw: body, contentType });
  }

  /** Imports and returns the created images (fails the test unless 201). */
  async importImages(token: string, parts: readonly UploadPart[], fields: readonly (readonly [string, string])[] = []): Promise<Json[]> {
    const res = expectStatus(await this.upload(token, parts, fields), 201, `import ${parts[0]?.name ?? "(nothing)"}`);
    return res.json.images as Json[];
  }

  /** GET with the body kept as bytes (the API client decodes bodies as text). */
  async getBytes(token: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer; body: string }> {
    const res = await this.server.app.inject({ method: "GET", url: `/api/v1${path}`, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: res.body };
  }

  async pixels(token: string, imageId: number, q: PixelQuery = {}): Promise<RawPixels> {
    const res = await this.getBytes(token, `/images/${imageId}/pixels${queryString(q)}`);
    const [h, w] = String(res.headers["x-fovea-shape"] ?? "0,0").split(",").map(Number);
    return { status: res.status, dtype: String(res.headers["x-fovea-dtype"]), shape: [h!, w!], bytes: res.bytes, body: res.body };
  }

  /**
   * Image count (as root, who sees everything) and the pixel, file and temp folders, listed whole.
   * A successful import answers before its spooled upload is removed (the route's `finally` runs
   * after `reply.send`), so a "before" snapshot first waits (up to 5 s) for <dataDir>/tmp to drain.
   */
  async state(opts: { settle?: boolean } = {}): Promise<DataDirState> {
    if (opts.settle) {
      const deadline = Date.now() + 5000;
      while ((await listTree(join(this.#dataDir, "tmp"))).length > 0 && Date.now() < deadline) await sleep(20);
    }
    const images = expectStatus(await this.root.get("/images?limit=1"), 200, "list images").json.total as number;
    return {
      images,
      pixels: await listTree(join(this.#dataDir, "pixels")),
      files: await listTree(join(this.#dataDir, "files")),
      tmp: await listTree(join(this.#dataDir, "tmp")),
    };
  }
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
 * Registers `body` once per dialect inside a `describe` whose server starts before its tests and
 * stops after them. Without FOVEA_TEST_PG_URL the PostgreSQL variant is one skipped test, so the
 * skip shows in the counts. When `needsData` and the real files are absent, no server is started
 * and each test skips itself (every test of these suites passes `{ skip: SKIP_REAL_DATA }`).
 */
export function forEachPixelServer(name: string, needsData: boolean, body: (ctx: PixelServer) => void): void {
  for (const dialect of ["sqlite", "postgres"] as const) {
    if (dialect === "postgres" && !process.env.FOVEA_TEST_PG_URL) {
      test(`${name} (postgres)`, { skip: PG_SKIP_REASON }, () => {});
      continue;
    }
    describe(`${name} (${dialect})`, () => {
      const ctx = new PixelServer(dialect);
      const idle = needsData && SKIP_REAL_DATA !== false;
      before(async () => {
        if (!idle) await ctx.start();
      });
      after(() => ctx.stop());
      body(ctx);
    });
  }
}

/** Plane (z, c) of toxo.dv, straight from the file: SOURCES.md says the pixel block is C, Z, Y, X. */
export function toxoPlane(dv: Buffer, z: number, c: number): Buffer {
  const planeBytes = 128 * 128 * 2;
  const offset = 1024 + (c * 17 + z) * planeBytes;
  return dv.subarray(offset, offset + planeBytes);
}
