/**
 * The embedded composition root: opens the database (SQLite in the data directory, or the
 * configured PostgreSQL), migrates it, builds the services, creates `root` on first start and
 * the demo account when asked, and serves the API.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createServices, ensureDemoAccount, ensureRoot, type Clock, type Repositories, type Services } from "@fovea/core";
import { createRepositories, DiskFileStore, openDatabase, type DatabaseHandle } from "@fovea/db";
import { createFileOpener, createZarrPixelStore } from "@fovea/pixels";
import { buildApp } from "./app.ts";
import { defaultWebDir } from "./web-dir.ts";
import { loadDemoData } from "./demo-data.ts";
import { createJobSystem } from "./job-system.ts";
import { defaultOfficialScriptsDir, registerOfficialScripts } from "./official-scripts.ts";
import type { ServerConfig } from "./config.ts";
import { argon2Hasher } from "./http/argon2-hasher.ts";

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly services: Services;
  /** For builders and bootstrap tasks of the composition root (demo data, tests). */
  readonly repos: Repositories;
  readonly database: DatabaseHandle;
  /** Present only on the first start when no admin password was configured: print it once. */
  readonly generatedAdminPassword?: string;
  readonly demoCredentials?: { username: string; password: string };
  /** Settles when the demo data (loaded in the background after listening) is in. */
  readonly demoData?: Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Tests move time with their own clock (session expiry). */
  clock?: Clock;
  /** Tests on PostgreSQL work in their own schema. */
  databaseSchema?: string;
  /** Build and migrate, but do not listen (in-process tests use `app.inject`). */
  listen?: boolean;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const clock = options.clock ?? { now: () => new Date() };
  const database = openDatabase({
    url: config.databaseUrl ?? `sqlite:${join(config.dataDir, "fovea.db")}`,
    schema: options.databaseSchema,
  });
  try {
    await database.migrate();
    const repos = createRepositories(database.db, { clock });
    const store = createZarrPixelStore(join(config.dataDir, "pixels"));
    const deps = {
      repos, clock, hasher: argon2Hasher, files: new DiskFileStore(join(config.dataDir, "files")),
      opener: createFileOpener(), pixels: store,
      sessionTtlHours: config.sessionTtlHours, maxUploadBytes: config.maxUploadBytes,
    };
    const jobSystem = createJobSystem(config, database, clock);
    const services = createServices(deps, jobSystem);
    const root = await ensureRoot(repos, argon2Hasher, config.adminPassword);
    await registerOfficialScripts(services, repos, config.officialScriptsDir ?? defaultOfficialScriptsDir(), {
      info: (m) => startLog(config, m), warn: (m) => startLog(config, m, true),
    });
    const demo = config.demo ? await ensureDemoAccount(repos, argon2Hasher, config.demoPassword) : undefined;
    const app = await buildApp({
      services, store, dataDir: config.dataDir, database: database.dialect, maxUploadBytes: config.maxUploadBytes,
      secureCookies: config.secureCookies, logLevel: config.logLevel, webDir: config.webDir ?? defaultWebDir(),
    });
    let url = `http://${config.host}:${config.port}`;
    if (options.listen !== false) {
      await app.listen({ host: config.host, port: config.port });
      const addr = app.server.address();
      if (addr && typeof addr === "object") url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${addr.port}`;
    } else {
      await app.ready();
    }
    // Job processes reach the API on the loopback address even when the server listens on all.
    const apiUrl = url.replace("://0.0.0.0:", "://127.0.0.1:").replace("://localhost:", "://127.0.0.1:");
    await jobSystem.start(services, repos, apiUrl, (err) => app.log.error({ err }, "job dispatcher error"));
    const stopDemo = new AbortController();
    const demoData = demo
      ? loadDemoData(services, repos, demo, config.demoDataDir, { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) }, stopDemo.signal)
        .catch((err: unknown) => {
          if (!stopDemo.signal.aborted) app.log.error({ err }, "demo data could not be loaded");
        })
      : undefined;
    return {
      url, app, services, repos, database,
      ...(demoData && { demoData }),
      ...(root.generatedPassword !== undefined && { generatedAdminPassword: root.generatedPassword }),
      ...(demo && { demoCredentials: { username: demo.username, password: demo.password } }),
      async close() {
        stopDemo.abort(); // an import in progress stops and removes what it wrote
        await demoData; // never close the database under a running import
        await jobSystem.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Start-up messages before the app (and its logger) exists, at the configured level. */
function startLog(config: ServerConfig, message: string, warn = false): void {
  if (config.logLevel === "silent" || (!warn && !["info", "debug", "trace"].includes(config.logLevel))) return;
  process.stderr.write(`${JSON.stringify({ level: warn ? 40 : 30, time: Date.now(), msg: message })}\n`);
}
