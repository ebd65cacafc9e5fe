/**
 * Run mode: one job in its own process, reported to the sink as it goes. Decides the job's end
 * from what the runner did (timeout, cancel, memory) first, then from what the script said
 * (error, outputs), then from how the process ended. Never throws for a failing script; throws
 * only when the runner itself fails (cannot spawn, the sink threw).
 */
import type { RunEnd, RunRequest, RunSink } from "@fovea/core";
import { lastLines } from "./describe.ts";
import { supervise, type Launch, type Supervised } from "./supervise.ts";

export interface RunSettings {
  readonly workRoot: string;
  readonly maxLogBytes: number;
  readonly onSpawn?: ((pid: number) => void) | undefined;
  /** Another language's process (Node when absent), and what to tell an author whose script sent no outputs. */
  readonly launch?: Launch | undefined;
  readonly noOutputsHint?: string | undefined;
}

/** V8's fatal message when the JavaScript heap reaches --max-old-space-size. */
const HEAP_OOM = /Reached heap limit|JavaScript heap out of memory|FatalProcessOutOfMemory/;

function decide(end: Supervised, req: RunRequest, memoryMb: number, error: string | undefined, outputs: Record<string, unknown> | undefined, settings: RunSettings): RunEnd {
  switch (end.stop?.kind) {
    case "timeout":
      return { status: "timed_out", error: `timed out after ${formatSeconds(req.timeoutMs)} (wall-clock limit)` };
    case "cancel":
      return { status: "cancelled", error: "cancelled" };
    case "memory":
      return { status: "failed", error: `memory limit exceeded (${Math.round(end.stop.rssMb)} MB > ${end.stop.capMb} MB: the ${memoryMb} MB limit plus ${end.stop.capMb - memoryMb} MB for the runtime)`, exitCode: null };
    case "protocol":
      return { status: "failed", error: `the script broke the runner protocol: ${end.stop.problem}`, exitCode: end.exitCode };
    case undefined:
      break;
  }
  // V8 aborts the process (SIGABRT) after printing its fatal message; both are required, so that a
  // script merely printing those words is not misreported.
  if ((end.exitSignal === "SIGABRT" || end.exitCode === 134) && HEAP_OOM.test(end.stderrTail)) {
    return { status: "failed", error: `memory limit exceeded: the JavaScript heap reached the ${memoryMb} MB limit`, exitCode: end.exitCode };
  }
  if (error !== undefined) return { status: "failed", error, exitCode: end.exitCode };
  if (end.exitCode === 0 && outputs) return { status: "succeeded", outputs, exitCode: 0 };
  if (end.exitCode === 0) return { status: "failed", error: settings.noOutputsHint ?? "the script ended without reporting outputs (does it call defineScript from @fovea/sdk?)", exitCode: 0 };
  const how = end.exitCode === null ? `was killed by ${end.exitSignal}` : `exited with code ${end.exitCode}`;
  const tail = lastLines(end.stderrTail, 1);
  return { status: "failed", error: `the script ${how}${tail ? `: ${tail}` : ""}`, exitCode: end.exitCode };
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export async function runScript(req: RunRequest, sink: RunSink, settings: RunSettings): Promise<RunEnd> {
  if (req.signal.aborted) return { status: "cancelled", error: "cancelled before it started" };
  // A whole number of MB, at least the schema's minimum: Node refuses anything else as a flag.
  const memoryMb = Math.max(16, Math.floor(req.memoryMb));
  let error: string | undefined;
  let outputs: Record<string, unknown> | undefined;
  // A sink that throws is the caller's bug; it must not become an uncaught exception in a stream
  // handler of the server process. The first one is kept and rethrown once the child is gone.
  let sinkError: unknown;
  const guard = (fn: () => void): void => {
    if (sinkError !== undefined) return;
    try {
      fn();
    } catch (err) {
      sinkError = err;
    }
  };
  const end = await supervise({
    workRoot: settings.workRoot,
    runnable: req.runnable,
    mode: "run",
    timeoutMs: req.timeoutMs,
    memoryMb,
    signal: req.signal,
    run: { serverUrl: req.serverUrl, token: req.token, jobId: req.jobId, inputs: req.inputs },
    maxLogBytes: settings.maxLogBytes,
    onSpawn: settings.onSpawn,
    launch: settings.launch,
    onMessage(m) {
      if (m.type === "progress") guard(() => sink.progress(m.fraction, m.message));
      else if (m.type === "outputs") outputs ??= m.outputs;
      else if (m.type === "error") error ??= m.message;
    },
    onOutput: (stream, text) => guard(() => sink.log(stream, text)),
  });
  if (sinkError !== undefined) throw new Error(`the run sink failed while job ${req.jobId} ran`, { cause: sinkError });
  return decide(end, req, memoryMb, error, outputs, settings);
}
