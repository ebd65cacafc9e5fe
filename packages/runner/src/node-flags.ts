/**
 * The command line and environment of a script process (README.md, "Child process"). The
 * environment is built from scratch: nothing of the server's (database URLs, secrets) leaks in.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { delimiter, join } from "node:path";

export type Mode = "describe" | "run";

/** Node 20/21 name the permission flag `--experimental-permission`; 22.13+ and 23.5+ `--permission`. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";
/** Node ≥ 20.11: silences the permission model's ExperimentalWarning at its source. */
export const CAN_DISABLE_WARNING = process.allowedNodeEnvironmentFlags.has("--disable-warning");

export function nodeArgs(jobDir: string, scriptPath: string, memoryMb: number): string[] {
  return [
    `--max-old-space-size=${memoryMb}`,
    // Maps stack traces through the bundle's inline source map (costs nothing until an error).
    "--enable-source-maps",
    PERMISSION_FLAG,
    // `dir/*` grants the directory's contents; nothing else is readable or writable, and child
    // processes, worker threads and native addons are refused by the permission model itself.
    `--allow-fs-read=${join(jobDir, "*")}`,
    `--allow-fs-write=${join(jobDir, "*")}`,
    ...(CAN_DISABLE_WARNING ? ["--disable-warning=ExperimentalWarning"] : []),
    scriptPath,
  ];
}

/** util-linux `prlimit`, when this machine has it (it execs the command: the pid stays node's). */
const PRLIMIT = (process.env.PATH ?? "/usr/bin:/bin").split(delimiter).map((d) => join(d, "prlimit")).find((p) => existsSync(p));

/**
 * The program and arguments that start a script. A script process is in its own process group,
 * so it outlives a runner that crashes; a CPU-time limit bounds such an orphan even when it spins
 * without yielding (a yielding one notices its parent is gone: see the SDK). CPU time of all the
 * process's threads cannot exceed cores × wall time, so this limit never fires before the
 * wall-clock timeout of a runner that is alive.
 */
export function command(jobDir: string, scriptPath: string, memoryMb: number, timeoutMs: number): { file: string; args: string[] } {
  const node = nodeArgs(jobDir, scriptPath, memoryMb);
  if (!PRLIMIT) return { file: process.execPath, args: node };
  const cpuSeconds = Math.ceil((timeoutMs / 1000) * availableParallelism()) + 1;
  return { file: PRLIMIT, args: [`--cpu=${cpuSeconds}:${cpuSeconds + 2}`, "--", process.execPath, ...node] };
}

export interface RunEnv {
  readonly serverUrl: string;
  readonly token: string;
  readonly jobId: number;
  readonly inputsFile: string;
}

export function scriptEnv(jobDir: string, mode: Mode, run?: RunEnv): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LANG: "C.UTF-8",
    HOME: jobDir,
    TMPDIR: jobDir,
    TZ: "UTC",
    FOVEA_MODE: mode,
  };
  if (run) {
    env.FOVEA_SERVER_URL = run.serverUrl;
    env.FOVEA_TOKEN = run.token;
    env.FOVEA_JOB_ID = String(run.jobId);
    env.FOVEA_INPUTS_FILE = run.inputsFile;
  }
  return env;
}

/** The permission model's start-up warning, for Node versions that cannot disable it (< 20.11). */
export function stripPermissionWarning(text: string): string {
  return text.replace(/^\(node:\d+\) ExperimentalWarning: Permission is an experimental feature\n(\(Use `node --trace-warnings \.\.\.`.*\n)?/, "");
}
