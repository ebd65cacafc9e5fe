/**
 * Server configuration (SPEC §7), read once: defaults ← `fovea.toml`-style overrides given by the
 * caller ← `FOVEA_*` environment. Every bad key is reported at once; the result is frozen.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { FoveaError } from "@fovea/model";

export interface ServerConfig {
  /** Holds the SQLite database, stored files and (later) the pixel store and job logs. */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  /** `postgres://…` for PostgreSQL; absent means SQLite in dataDir. */
  readonly databaseUrl?: string | undefined;
  /** Password for `root` on first start; absent means generated and printed once. */
  readonly adminPassword?: string | undefined;
  /** Creates the demo account (and, once import lands, demo images). */
  readonly demo: boolean;
  readonly demoPassword: string;
  /** Real files the demo also imports when the folder exists (default ../shared/data). */
  readonly demoDataDir?: string | undefined;
  readonly maxUploadBytes: number;
  readonly sessionTtlHours: number;
  /** Built-in scripts registered at start (default: scripts/official of the installation). */
  readonly officialScriptsDir?: string | undefined;
  /** Jobs run at once by this server (SPEC §5: default the number of cores). */
  readonly workers: number;
  /** SPEC §4 `scripts.allowUserScripts`: run scripts uploaded without --official. */
  readonly allowUserScripts: boolean;
  readonly jobDefaultTimeoutSeconds: number;
  readonly jobMaxTimeoutSeconds: number;
  readonly jobDefaultMemoryMb: number;
  readonly jobMaxMemoryMb: number;
  /** The built web UI served at `/` (default: apps/web/dist of the installation). */
  readonly webDir?: string | undefined;
  /** Marks cookies Secure; turn on behind HTTPS. */
  readonly secureCookies: boolean;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

const DEFAULTS: ServerConfig = {
  dataDir: "./data",
  host: "127.0.0.1",
  port: 4080,
  demo: false,
  demoPassword: "fovea-demo",
  maxUploadBytes: 1024 * 1024 * 1024,
  sessionTtlHours: 24 * 7,
  secureCookies: false,
  logLevel: "info",
  workers: Math.max(1, availableParallelism()),
  allowUserScripts: false,
  jobDefaultTimeoutSeconds: 3600,
  jobMaxTimeoutSeconds: 24 * 3600,
  jobDefaultMemoryMb: 1024,
  jobMaxMemoryMb: 8192,
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function parseIntIn(name: string, raw: string, min: number, max: number, problems: string[]): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name}=${raw}: expected a whole number in ${min}..${max}`);
  return n;
}

function parseBool(name: string, raw: string, problems: string[]): boolean {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  problems.push(`${name}=${raw}: expected true or false`);
  return false;
}

/** Builds the configuration; throws VALIDATION_FAILED listing every bad setting. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const problems: string[] = [];
  const fromEnv: { -readonly [K in keyof ServerConfig]?: ServerConfig[K] } = {};
  if (env.FOVEA_DATA_DIR) fromEnv.dataDir = env.FOVEA_DATA_DIR;
  if (env.FOVEA_HOST) fromEnv.host = env.FOVEA_HOST;
  if (env.FOVEA_PORT) fromEnv.port = parseIntIn("FOVEA_PORT", env.FOVEA_PORT, 0, 65535, problems);
  if (env.FOVEA_DATABASE_URL) fromEnv.databaseUrl = env.FOVEA_DATABASE_URL;
  if (env.FOVEA_ADMIN_PASSWORD) fromEnv.adminPassword = env.FOVEA_ADMIN_PASSWORD;
  if (env.FOVEA_DEMO) fromEnv.demo = parseBool("FOVEA_DEMO", env.FOVEA_DEMO, problems);
  if (env.FOVEA_DEMO_PASSWORD) fromEnv.demoPassword = env.FOVEA_DEMO_PASSWORD;
  fromEnv.demoDataDir = resolve(env.FOVEA_DEMO_DATA_DIR ?? env.FOVEA_TEST_DATA ?? "../shared/data");
  if (env.FOVEA_MAX_UPLOAD_BYTES) fromEnv.maxUploadBytes = parseIntIn("FOVEA_MAX_UPLOAD_BYTES", env.FOVEA_MAX_UPLOAD_BYTES, 1, Number.MAX_SAFE_INTEGER, problems);
  if (env.FOVEA_SESSION_TTL_HOURS) fromEnv.sessionTtlHours = parseIntIn("FOVEA_SESSION_TTL_HOURS", env.FOVEA_SESSION_TTL_HOURS, 1, 24 * 365, problems);
  if (env.FOVEA_OFFICIAL_SCRIPTS_DIR) fromEnv.officialScriptsDir = resolve(env.FOVEA_OFFICIAL_SCRIPTS_DIR);
  if (env.FOVEA_WEB_DIR) fromEnv.webDir = resolve(env.FOVEA_WEB_DIR);
  if (env.FOVEA_WORKERS) fromEnv.workers = parseIntIn("FOVEA_WORKERS", env.FOVEA_WORKERS, 1, 256, problems);
  if (env.FOVEA_ALLOW_USER_SCRIPTS) fromEnv.allowUserScripts = parseBool("FOVEA_ALLOW_USER_SCRIPTS", env.FOVEA_ALLOW_USER_SCRIPTS, problems);
  if (env.FOVEA_JOB_TIMEOUT_SECONDS) fromEnv.jobDefaultTimeoutSeconds = parseIntIn("FOVEA_JOB_TIMEOUT_SECONDS", env.FOVEA_JOB_TIMEOUT_SECONDS, 1, 7 * 24 * 3600, problems);
  if (env.FOVEA_JOB_MAX_TIMEOUT_SECONDS) fromEnv.jobMaxTimeoutSeconds = parseIntIn("FOVEA_JOB_MAX_TIMEOUT_SECONDS", env.FOVEA_JOB_MAX_TIMEOUT_SECONDS, 1, 7 * 24 * 3600, problems);
  if (env.FOVEA_JOB_MEMORY_MB) fromEnv.jobDefaultMemoryMb = parseIntIn("FOVEA_JOB_MEMORY_MB", env.FOVEA_JOB_MEMORY_MB, 16, 1_048_576, problems);
  if (env.FOVEA_JOB_MAX_MEMORY_MB) fromEnv.jobMaxMemoryMb = parseIntIn("FOVEA_JOB_MAX_MEMORY_MB", env.FOVEA_JOB_MAX_MEMORY_MB, 16, 1_048_576, problems);
  if (env.FOVEA_SECURE_COOKIES) fromEnv.secureCookies = parseBool("FOVEA_SECURE_COOKIES", env.FOVEA_SECURE_COOKIES, problems);
  if (env.FOVEA_LOG_LEVEL) {
    if ((LOG_LEVELS as readonly string[]).includes(env.FOVEA_LOG_LEVEL)) fromEnv.logLevel = env.FOVEA_LOG_LEVEL as ServerConfig["logLevel"];
    else problems.push(`FOVEA_LOG_LEVEL=${env.FOVEA_LOG_LEVEL}: expected one of ${LOG_LEVELS.join(", ")}`);
  }
  const merged = { ...DEFAULTS, ...fromEnv, ...definedOnly(overrides) };
  if (merged.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(merged.databaseUrl)) {
    problems.push(`databaseUrl ${merged.databaseUrl}: expected postgres://… (leave unset for SQLite)`);
  }
  if (merged.adminPassword !== undefined && merged.adminPassword.length < 8) problems.push("adminPassword: at least 8 characters");
  if (problems.length > 0) {
    throw new FoveaError("VALIDATION_FAILED", `Invalid configuration:\n  ${problems.join("\n  ")}`, {
      details: problems.map((p) => ({ field: p.split(/[=: ]/)[0] ?? p, message: p })),
    });
  }
  return Object.freeze({ ...merged, dataDir: resolve(merged.dataDir) });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
