/**
 * Runs one script process and watches it: a fresh job directory, its own process group, the
 * protocol pipe on fd 3, stdout/stderr capture, the wall-clock timeout, cancellation, the memory
 * cap. Describe and run interpret what it returns; it never decides what a job's status is.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { CAN_DISABLE_WARNING, command, scriptEnv, stripPermissionWarning, type Mode, type RunEnv } from "./node-flags.ts";
import { OutputCapture, type Stream } from "./output-capture.ts";
import { LineSplitter, parseMessage, type ChildMessage } from "./protocol.ts";
import { rssCapMb, watchMemory } from "./memory-watch.ts";

/** Why the runner stopped the process (absent when it ended by itself). */
export type Stop =
  | { kind: "timeout" }
  | { kind: "cancel" }
  | { kind: "memory"; rssMb: number; capMb: number }
  | { kind: "protocol"; problem: string };

export interface SuperviseOptions {
  readonly workRoot: string;
  readonly runnable: string;
  readonly mode: Mode;
  readonly timeoutMs: number;
  /** The V8 heap limit; the resident-memory cap is this plus the runtime's allowance (memory-watch.ts). */
  readonly memoryMb: number;
  readonly signal?: AbortSignal | undefined;
  /** Run mode only: the API, token, job id and inputs. */
  readonly run?: Omit<RunEnv, "inputsFile"> & { readonly inputs: unknown };
  readonly maxLogBytes: number;
  readonly onMessage: (message: ChildMessage) => void;
  readonly onOutput: (stream: Stream, text: string) => void;
  /** Called with the pid as soon as the process exists (tests use it to check the group is gone). */
  readonly onSpawn?: ((pid: number) => void) | undefined;
  /** How to start the process; Node (script.mjs) when absent. Other languages bring their own. */
  readonly launch?: Launch | undefined;
}

/** The language-specific part of a script process: its file name and command line. */
export interface Launch {
  /** The runnable's file name in the job directory, e.g. `script.py`. */
  readonly fileName: string;
  readonly command: (jobDir: string, scriptPath: string, memoryMb: number, timeoutMs: number) => { file: string; args: string[] };
  /** Node's permission-model warning may open stderr (old Node versions); other runtimes never print it. */
  readonly stripNodeWarning: boolean;
}

const NODE_LAUNCH: Launch = { fileName: "script.mjs", command, stripNodeWarning: !CAN_DISABLE_WARNING };

export interface Supervised {
  readonly pid: number;
  readonly exitCode: number | null;
  readonly exitSignal: NodeJS.Signals | null;
  readonly stop: Stop | undefined;
  readonly stderrTail: string;
}

/** How long a cancelled script has between SIGTERM and SIGKILL. */
export const CANCEL_GRACE_MS = 500;
/** Protocol lines longer than this are refused (outputs are small; files go through the API). */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Signals the whole process group; a group that is already gone is not an error. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ESRCH") throw err;
  }
}

export async function supervise(opts: SuperviseOptions): Promise<Supervised> {
  const jobDir = await mkdtemp(join(opts.workRoot, "job-"));
  try {
    const scriptPath = join(jobDir, (opts.launch ?? NODE_LAUNCH).fileName);
    await writeFile(scriptPath, opts.runnable);
    let run: RunEnv | undefined;
    if (opts.run) {
      const { inputs, ...rest } = opts.run;
      run = { ...rest, inputsFile: join(jobDir, "inputs.json") };
      await writeFile(run.inputsFile, JSON.stringify(inputs));
    }
    return await watch(jobDir, scriptPath, run, opts);
  } finally {
    await rm(jobDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function watch(jobDir: string, scriptPath: string, run: RunEnv | undefined, opts: SuperviseOptions): Promise<Supervised> {
  return new Promise((resolve, reject) => {
    const launch = opts.launch ?? NODE_LAUNCH;
    const { file, args } = launch.command(jobDir, scriptPath, opts.memoryMb, opts.timeoutMs);
    const child = spawn(file, args, {
      cwd: jobDir,
      env: scriptEnv(jobDir, opts.mode, run),
      // Its own process group, so that one kill(-pid) reaches everything it started.
      detached: true,
      stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const pid = child.pid;
    if (pid === undefined) {
      child.once("error", (err) => reject(new Error(`cannot start the script process: ${err.message}`, { cause: err })));
      return;
    }
    opts.onSpawn?.(pid);
    let stop: Stop | undefined;
    const end = (why: Stop, signal: NodeJS.Signals): void => {
      if (stop) return;
      stop = why;
      killGroup(pid, signal);
    };

    const stdout = new OutputCapture("stdout", opts.onOutput, opts.maxLogBytes);
    let sawFirstStderr = !launch.stripNodeWarning;
    const stderr = new OutputCapture("stderr", (s, text) => {
      if (!sawFirstStderr) {
        sawFirstStderr = true;
        text = stripPermissionWarning(text);
        if (text === "") return;
      }
      opts.onOutput(s, text);
    }, opts.maxLogBytes);
    child.stdout!.on("data", (c: Buffer) => stdout.push(c));
    child.stderr!.on("data", (c: Buffer) => stderr.push(c));

    const lines = new LineSplitter(MAX_MESSAGE_BYTES);
    const handle = (line: string): void => {
      const parsed = parseMessage(line);
      if (parsed.ok) opts.onMessage(parsed.message);
      else end({ kind: "protocol", problem: parsed.problem }, "SIGKILL");
    };
    const fd3 = child.stdio[3] as Readable;
    fd3.on("data", (c: Buffer) => {
      try {
        for (const line of lines.push(c)) handle(line);
      } catch (err) {
        end({ kind: "protocol", problem: (err as Error).message }, "SIGKILL");
      }
    });

    // setTimeout fires at once for delays past 2^31 − 1 ms (~24.8 days): cap rather than overflow.
    const timer = setTimeout(() => end({ kind: "timeout" }, "SIGKILL"), Math.min(opts.timeoutMs, 2 ** 31 - 1));
    let graceTimer: NodeJS.Timeout | undefined;
    const onAbort = (): void => {
      end({ kind: "cancel" }, "SIGTERM");
      graceTimer = setTimeout(() => killGroup(pid, "SIGKILL"), CANCEL_GRACE_MS);
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    const capMb = rssCapMb(opts.memoryMb);
    const stopWatching = watchMemory(pid, capMb, (rssMb) => end({ kind: "memory", rssMb, capMb }, "SIGKILL"));

    child.once("error", (err) => {
      // Only spawn failures reach here (the pid exists, so it is a late one): stop everything.
      killGroup(pid, "SIGKILL");
      reject(err);
    });
    // 'close' waits for the pipes, which the group kill below releases even if a descendant held them.
    child.once("exit", () => killGroup(pid, "SIGKILL"));
    child.once("close", (exitCode, exitSignal) => {
      clearTimeout(timer);
      clearTimeout(graceTimer);
      opts.signal?.removeEventListener("abort", onAbort);
      stopWatching();
      stdout.end();
      stderr.end();
      try {
        for (const line of lines.end()) handle(line);
      } catch (err) {
        stop ??= { kind: "protocol", problem: (err as Error).message };
      }
      resolve({ pid, exitCode, exitSignal, stop, stderrTail: stderr.tail });
    });
  });
}
