/**
 * Builders for the runner's tests (and the SDK's): a runner over a temporary work root, a sink that
 * records what it is told in order, and a check that a process group is really gone.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunEnd, RunRequest, RunSink, ScriptRunner } from "@fovea/core";
import { createNodeRunner, type NodeRunnerOptions } from "./node-runner.ts";

export type SinkEvent = { kind: "progress"; fraction: number; message: string } | { kind: "log"; stream: "stdout" | "stderr"; text: string };

export class RecordingSink implements RunSink {
  readonly events: SinkEvent[] = [];
  progress(fraction: number, message: string): void {
    this.events.push({ kind: "progress", fraction, message });
  }
  log(stream: "stdout" | "stderr", text: string): void {
    this.events.push({ kind: "log", stream, text });
  }
  text(stream: "stdout" | "stderr"): string {
    return this.events.map((e) => (e.kind === "log" && e.stream === stream ? e.text : "")).join("");
  }
  progressEvents(): { fraction: number; message: string }[] {
    return this.events.flatMap((e) => (e.kind === "progress" ? [{ fraction: e.fraction, message: e.message }] : []));
  }
}

/** True when no process of the group is left (kill with signal 0 answers ESRCH). */
export function groupGone(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return true;
    throw err;
  }
}

export interface TestRunner {
  readonly runner: ScriptRunner;
  readonly workRoot: string;
  /** Process ids of every run so far, in order. */
  readonly pids: number[];
  /** Bundles a TypeScript script with the SDK. */
  prepare(source: string, fileName?: string): Promise<string>;
  /** Bundles and runs a script, recording into a fresh sink. */
  run(source: string, request?: Partial<RunRequest>): Promise<{ end: RunEnd; sink: RecordingSink; pid: number; ms: number }>;
  /** The entries left in the work root (job directories must all be gone). */
  leftovers(): Promise<string[]>;
  close(): Promise<void>;
}

export async function newTestRunner(options: Partial<NodeRunnerOptions> = {}): Promise<TestRunner> {
  const workRoot = await mkdtemp(join(tmpdir(), "fovea-runner-test-"));
  const pids: number[] = [];
  const runner = createNodeRunner({ workRoot, ...options, onSpawn: (pid) => pids.push(pid) });
  const prepare = (source: string, fileName = "script.ts"): Promise<string> => runner.prepare("typescript", source, fileName);
  return {
    runner,
    workRoot,
    pids,
    prepare,
    async run(source, request = {}) {
      const runnable = await prepare(source);
      const sink = new RecordingSink();
      const started = performance.now();
      const end = await runner.run({
        language: "typescript", runnable, inputs: {}, jobId: 1, serverUrl: "http://127.0.0.1:9", token: "test-token",
        timeoutMs: 20_000, memoryMb: 256, signal: new AbortController().signal, ...request,
      }, sink);
      return { end, sink, pid: pids[pids.length - 1]!, ms: performance.now() - started };
    },
    leftovers: () => readdir(workRoot),
    close: () => rm(workRoot, { recursive: true, force: true }),
  };
}
