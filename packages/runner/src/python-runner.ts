/**
 * The Python runtime: `prepare` checks the syntax with the interpreter itself (the source is kept
 * as it is), `describe` and `run` start `python3 -I -B -X utf8` in a job directory under the same
 * supervision as Node scripts (supervise.ts: scrubbed environment, process group, timeout, cancel,
 * RSS cap), with the Python SDK (packages/sdk-python, read-only) put on sys.path by a bootstrap,
 * since isolated mode ignores PYTHONPATH.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunEnd, RunRequest, RunSink } from "@fovea/core";
import { FoveaError, type ScriptDeclaration } from "@fovea/model";
import { describeScript, type DescribeSettings } from "./describe.ts";
import { rssCapMb } from "./memory-watch.ts";
import { runScript, type RunSettings } from "./run.ts";
import type { Launch } from "./supervise.ts";

export interface PythonOptions {
  /** The interpreter: a path or a name looked up on PATH. Default `python3`. */
  readonly python?: string | undefined;
  /** The folder holding the `fovea_sdk` package. Default: packages/sdk-python, found above this file. */
  readonly sdkDir?: string | undefined;
}

/** The folder that holds `fovea_sdk/`, looked for above this file (source tree or a bundled CLI). */
export function findPythonSdk(start = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, "sdk-python"), join(dir, "packages", "sdk-python")]) {
      if (existsSync(join(candidate, "fovea_sdk", "__init__.py"))) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * `-I` (isolated: no PYTHON* variables, no user site, not even the script's folder on sys.path),
 * `-B` (no __pycache__ written into the read-only SDK folder), `-X utf8` (UTF-8 whatever the locale).
 * The bootstrap puts the SDK on sys.path and hands over to its launcher, which executes the script
 * and then speaks the protocol for the script it defined.
 */
const BOOTSTRAP = "import sys; sys.path.insert(0, sys.argv.pop(1)); from fovea_sdk.launch import main; main()";
export const PYTHON_FLAGS = ["-I", "-B", "-X", "utf8"];

const PRLIMIT = (process.env.PATH ?? "/usr/bin:/bin").split(delimiter).map((d) => join(d, "prlimit")).find((p) => existsSync(p));

/**
 * Address-space headroom above the resident cap: numpy's OpenBLAS threads and glibc's per-thread
 * malloc arenas reserve much more virtual memory than they touch (~200 MB for `import numpy` on 2
 * cores). The RSS watch is the real limit; `--as` only stops a runaway allocation early, with a
 * MemoryError the script can report.
 */
function addressSpaceMb(memoryMb: number): number {
  return rssCapMb(memoryMb) + 1024 + 128 * availableParallelism();
}

export function pythonLaunch(python: string, sdkDir: string): Launch {
  return {
    fileName: "script.py",
    stripNodeWarning: false,
    command(_jobDir, scriptPath, memoryMb, timeoutMs) {
      const py = [...PYTHON_FLAGS, "-c", BOOTSTRAP, sdkDir, scriptPath];
      if (!PRLIMIT) return { file: python, args: py };
      // As for Node: a CPU-time limit that cannot fire before a live runner's wall-clock timeout.
      const cpuSeconds = Math.ceil((timeoutMs / 1000) * availableParallelism()) + 1;
      const asBytes = addressSpaceMb(memoryMb) * 1024 * 1024;
      return { file: PRLIMIT, args: [`--cpu=${cpuSeconds}:${cpuSeconds + 2}`, `--as=${asBytes}:${asBytes}`, "--", python, ...py] };
    },
  };
}

/** Compiles (never runs) the source from stdin; prints nothing when it is fine, else the SyntaxError as JSON. */
const SYNTAX_CHECK = [
  "import sys, json",
  "src = sys.stdin.buffer.read()",
  "try:",
  "    compile(src, sys.argv[1], 'exec', dont_inherit=True)",
  "except (SyntaxError, ValueError) as e:",
  "    print(json.dumps({'type': type(e).__name__, 'msg': getattr(e, 'msg', None) or str(e), 'line': getattr(e, 'lineno', None), 'col': getattr(e, 'offset', None), 'text': getattr(e, 'text', None)}))",
].join("\n");

interface SyntaxProblem { type: string; msg: string; line: number | null; col: number | null; text: string | null }

function interpreterMissing(python: string, err: Error): FoveaError {
  return new FoveaError("SCRIPT_INVALID", `Python scripts need a Python 3 interpreter, and ${python} cannot be started: ${err.message}`);
}

/** Runs the interpreter briefly with a minimal environment; resolves with its exit and output. */
function runInterpreter(python: string, args: readonly string[], stdin: string | undefined, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [...args], {
      env: { PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin", LANG: "C.UTF-8" },
      stdio: [stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      timeout: timeoutMs,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.once("error", (err) => reject(interpreterMissing(python, err)));
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (stdin !== undefined) {
      // A closed stdin (the interpreter died at once) must not become an unhandled stream error.
      child.stdin!.on("error", () => {});
      child.stdin!.end(stdin, "utf8");
    }
  });
}

/**
 * Refuses a file that does not compile, with Python's own message and position:
 * `Broken.py:3:9: SyntaxError: invalid syntax`, then the offending line and a caret.
 */
export async function checkPythonSyntax(source: string, fileName: string, python: string, timeoutMs = 10_000): Promise<void> {
  const name = basename(fileName) || "script.py";
  const r = await runInterpreter(python, [...PYTHON_FLAGS, "-c", SYNTAX_CHECK, name], source, timeoutMs);
  if (r.code !== 0) {
    throw new FoveaError("INTERNAL", `the Python syntax check failed (${r.signal ?? `exit ${r.code}`}): ${r.stderr.trim().split("\n").slice(-3).join("\n")}`);
  }
  const out = r.stdout;
  if (out.trim() === "") return;
  const problem = JSON.parse(out) as SyntaxProblem;
  const where = problem.line !== null ? `${name}:${problem.line}${problem.col !== null ? `:${problem.col}` : ""}` : name;
  const line = problem.text?.replace(/\n$/, "");
  const caret = line !== undefined && problem.col !== null && problem.col > 0 ? `\n    ${" ".repeat(problem.col - 1)}^` : "";
  throw new FoveaError("SCRIPT_INVALID", `${name} does not compile:\n${where}: ${problem.type}: ${problem.msg}${line !== undefined ? `\n    ${line}${caret}` : ""}`, {
    details: [{ field: where, message: `${problem.type}: ${problem.msg}` }],
  });
}

/**
 * The real interpreter behind `python` (`sys.executable`), asked once. A name on PATH may be a
 * wrapper (pyenv's shims are bash scripts that add PYENV_* variables to the environment and pick a
 * version per directory): resolving it pins one interpreter for every job and keeps the scrubbed
 * environment scrubbed.
 */
export async function resolvePython(python: string, timeoutMs = 10_000): Promise<string> {
  const r = await runInterpreter(python, ["-I", "-c", "import sys; sys.stdout.write(sys.executable or '')"], undefined, timeoutMs);
  if (r.code === 0) return r.stdout.trim() || python;
  throw interpreterMissing(python, new Error(`${r.signal ?? `exit code ${r.code}`}${r.stderr.trim() ? `: ${r.stderr.trim().split("\n").pop()}` : ""}`));
}

const NO_DECLARATION = "the script sent no declaration: it must call define_script(…) from fovea_sdk, or omero.scripts.client(…)";
const NO_OUTPUTS = "the script ended without reporting outputs (does it call define_script from fovea_sdk, or omero.scripts.client?)";

export interface PythonRuntime {
  prepare(source: string, fileName: string): Promise<string>;
  describe(runnable: string): Promise<ScriptDeclaration>;
  run(req: RunRequest, sink: RunSink): Promise<RunEnd>;
}

export function createPythonRuntime(options: PythonOptions, describe: Omit<DescribeSettings, "launch">, run: Omit<RunSettings, "launch">): PythonRuntime {
  const configured = options.python ?? "python3";
  let python: Promise<string> | undefined;
  // Asked again after a failure (the interpreter may be installed later), never after a success.
  const interpreter = (): Promise<string> => (python ??= resolvePython(configured).catch((err: unknown) => {
    python = undefined;
    throw err;
  }));
  let launch: Launch | undefined;
  const getLaunch = async (): Promise<Launch> => {
    if (launch) return launch;
    const sdkDir = options.sdkDir ?? findPythonSdk();
    if (!sdkDir) throw new FoveaError("SCRIPT_INVALID", "Python scripts need the Fovea Python SDK (packages/sdk-python), which is not installed with this server");
    launch = pythonLaunch(await interpreter(), sdkDir);
    return launch;
  };
  return {
    async prepare(source, fileName) {
      await checkPythonSyntax(source, fileName, await interpreter());
      return source;
    },
    async describe(runnable) {
      return describeScript(runnable, { ...describe, launch: await getLaunch(), noDeclarationHint: NO_DECLARATION });
    },
    async run(req, sink) {
      const end = await runScript(req, sink, { ...run, launch: await getLaunch(), noOutputsHint: NO_OUTPUTS });
      // The address-space limit turns a runaway allocation into a MemoryError before the RSS watch sees it.
      if (end.status === "failed" && end.error !== undefined && /^MemoryError\b/.test(end.error)) {
        return { ...end, error: `memory limit exceeded: the script could not allocate memory within its ${Math.max(16, Math.floor(req.memoryMb))} MB limit (${end.error})` };
      }
      return end;
    },
  };
}
