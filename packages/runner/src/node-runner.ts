/**
 * Core's ScriptRunner port: TypeScript and JavaScript scripts bundled with esbuild and run by this
 * same Node binary, Python scripts run by a Python 3 interpreter (python-runner.ts); one process
 * per describe or run, under the same supervision.
 */
import { mkdirSync } from "node:fs";
import type { RunEnd, RunRequest, RunSink, ScriptRunner } from "@fovea/core";
import type { ScriptDeclaration, ScriptLanguage } from "@fovea/model";
import { bundleScript } from "./bundle.ts";
import { describeScript } from "./describe.ts";
import { createPythonRuntime, type PythonOptions } from "./python-runner.ts";
import { runScript } from "./run.ts";

export interface NodeRunnerOptions {
  /** Where job directories are made (each removed when its process ends); created if missing. */
  readonly workRoot: string;
  /** Describe mode's wall-clock limit. Default 10 000 ms. */
  readonly describeTimeoutMs?: number;
  /** Describe mode's memory cap. Default 256 MB. */
  readonly describeMemoryMb?: number;
  /** stdout and stderr each forwarded up to this many bytes per job, then truncated. Default 16 MiB. */
  readonly maxLogBytes?: number;
  /** Observes the process id of each describe and run (tests check that its process group is gone afterwards). */
  readonly onSpawn?: (pid: number) => void;
  /** Python scripts: the interpreter (default `python3` from PATH) and the SDK folder. */
  readonly python?: PythonOptions;
}

/**
 * @example
 * const runner = createNodeRunner({ workRoot: join(dataDir, "jobs") });
 * const runnable = await runner.prepare("typescript", source, "Hello_World.ts");
 * const declaration = await runner.describe("typescript", runnable);
 */
export function createNodeRunner(options: NodeRunnerOptions): ScriptRunner {
  mkdirSync(options.workRoot, { recursive: true });
  const describeSettings = {
    workRoot: options.workRoot,
    timeoutMs: options.describeTimeoutMs ?? 10_000,
    memoryMb: options.describeMemoryMb ?? 256,
    onSpawn: options.onSpawn,
  };
  const runSettings = { workRoot: options.workRoot, maxLogBytes: options.maxLogBytes ?? 16 * 1024 * 1024, onSpawn: options.onSpawn };
  const python = createPythonRuntime(options.python ?? {}, describeSettings, runSettings);
  return {
    async prepare(language: ScriptLanguage, source: string, fileName: string): Promise<string> {
      if (language === "python") return python.prepare(source, fileName);
      return bundleScript(source, fileName, language, options.workRoot);
    },
    async describe(language: ScriptLanguage, runnable: string): Promise<ScriptDeclaration> {
      if (language === "python") return python.describe(runnable);
      return describeScript(runnable, describeSettings);
    },
    async run(req: RunRequest, sink: RunSink): Promise<RunEnd> {
      if (req.language === "python") return python.run(req, sink);
      return runScript(req, sink, runSettings);
    },
  };
}
