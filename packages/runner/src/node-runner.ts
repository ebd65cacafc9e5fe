/**
 * The Node implementation of core's ScriptRunner port: TypeScript and JavaScript scripts bundled
 * with esbuild and run by this same Node binary, one process per describe or run. Python scripts
 * are stored as they are; running them comes with the Python runtime.
 */
import { mkdirSync } from "node:fs";
import type { RunEnd, RunRequest, RunSink, ScriptRunner } from "@fovea/core";
import { FoveaError, type ScriptDeclaration, type ScriptLanguage } from "@fovea/model";
import { bundleScript } from "./bundle.ts";
import { describeScript } from "./describe.ts";
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
}

function pythonNotYet(): FoveaError {
  return new FoveaError("SCRIPT_INVALID", "Python scripts are not supported yet");
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
  return {
    async prepare(language: ScriptLanguage, source: string, fileName: string): Promise<string> {
      if (language === "python") return source;
      return bundleScript(source, fileName, language, options.workRoot);
    },
    async describe(language: ScriptLanguage, runnable: string): Promise<ScriptDeclaration> {
      if (language === "python") throw pythonNotYet();
      return describeScript(runnable, describeSettings);
    },
    async run(req: RunRequest, sink: RunSink): Promise<RunEnd> {
      if (req.language === "python") throw pythonNotYet();
      return runScript(req, sink, runSettings);
    },
  };
}
