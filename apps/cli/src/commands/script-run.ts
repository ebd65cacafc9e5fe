/**
 * `fovea script run FILE [NAME=VALUE …] [--timeout S]`: the script author's loop (SPEC §9). The
 * script is compiled and run on this machine, in the same isolated child process a server job
 * gets, and talks to the server with the caller's own session, so it sees exactly what the caller
 * may see. Nothing is uploaded and no job is recorded.
 */
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { FoveaError, inputsFromArgs, validateInputs } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { UsageError } from "../usage-error.ts";

export function registerScriptRunCommand(script: Command, ctx: CliContext): void {
  script.command("run <file> [inputs...]").description("run a local script against the server with your own rights (nothing is uploaded)")
    .option("--timeout <seconds>", "wall-clock limit", "600")
    .option("--memory <mb>", "memory limit", "1024")
    .action(async (file: string, args: string[], opts: { timeout: string; memory: string }) => {
      const timeout = Number(opts.timeout);
      const memory = Number(opts.memory);
      if (!(timeout > 0) || !(memory >= 16)) throw new UsageError("--timeout must be > 0 seconds and --memory ≥ 16 MB");
      const login = await ctx.storedLogin();
      if (!login) throw new FoveaError("UNAUTHENTICATED", "log in first (fovea login): the script runs with your session");
      const language = /\.py$/i.test(file) ? "python" : /\.m?js$/i.test(file) ? "javascript" : "typescript";
      // Loaded here only: other commands must not pay for esbuild and the runner.
      const { createNodeRunner } = await import("@fovea/runner");
      const runner = createNodeRunner({ workRoot: join(tmpdir(), "fovea-script-run") });
      const runnable = await runner.prepare(language, await readFile(file, "utf8"), file);
      const declaration = await runner.describe(language, runnable);
      const { inputs, malformed } = inputsFromArgs(declaration, args);
      if (malformed.length > 0) throw new UsageError(`expected NAME=VALUE, got ${malformed.map((m) => JSON.stringify(m)).join(", ")}`);
      const checked = validateInputs(declaration, inputs);
      if (checked.issues.length > 0) {
        throw new FoveaError("PARAM_INVALID", `invalid inputs for ${declaration.name}`, { details: checked.issues });
      }
      const abort = new AbortController();
      const onSigint = () => abort.abort();
      process.once("SIGINT", onSigint);
      try {
        const end = await runner.run({
          language, runnable, inputs: checked.values, jobId: 0, serverUrl: await ctx.serverUrl(), token: login.token,
          timeoutMs: timeout * 1000, memoryMb: memory, signal: abort.signal,
        }, {
          progress: (fraction, message) => ctx.out.note(`[${Math.round(fraction * 100)}%] ${message}`),
          log: (stream, text) => (stream === "stderr" || ctx.out.json ? ctx.io.stderr : ctx.io.stdout).write(text),
        });
        const outputs = end.status === "succeeded" ? end.outputs : {};
        ctx.out.result({ status: end.status, outputs, ...(end.status !== "succeeded" && { error: end.error }) },
          () => [`${end.status}${end.status !== "succeeded" ? `: ${end.error}` : ""}`, ...Object.entries(outputs).map(([k, v]) => `  ${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)].join("\n"));
        if (end.status !== "succeeded") throw new FoveaError("INTERNAL", `the script ${end.status}`);
      } finally {
        process.removeListener("SIGINT", onSigint);
      }
    });
}
