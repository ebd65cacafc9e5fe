/**
 * What a script process does when the runner starts it (FOVEA_MODE): in `describe` mode it sends
 * its declaration and exits without touching data; in `run` mode it reads its inputs, runs, and
 * sends its outputs, or an error whose stack also goes to stderr. Exits explicitly, so that a
 * forgotten timer or open socket cannot keep a finished job alive until its timeout.
 */
import { readFileSync } from "node:fs";
import { validateInputs, type InputValue } from "@fovea/model";
import { createContext } from "./context.ts";
import type { DefinedScript } from "./define-script.ts";
import { checkOutputs } from "./outputs.ts";
import type { InputsOf, Params } from "./params.ts";
import { send } from "./protocol-wire.ts";

function fail(err: unknown): never {
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error && err.stack ? err.stack : message;
  try {
    process.stderr.write(`${stack}\n`);
    send({ type: "error", message: message || "the script failed" });
  } finally {
    process.exit(1);
  }
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run mode needs it from the runner`);
  return v;
}

/** Reads the validated inputs; validating again here fills defaults and catches hand-made input files. */
function readInputs(script: DefinedScript): Record<string, InputValue> {
  const raw: unknown = JSON.parse(readFileSync(required("FOVEA_INPUTS_FILE"), "utf8"));
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new Error("the inputs file must hold a JSON object");
  const { values, issues } = validateInputs(script.declaration, raw as Record<string, unknown>);
  if (issues.length > 0) throw new Error(`invalid inputs: ${issues.map((i) => i.message).join("; ")}`);
  return values;
}

/**
 * The runner starts scripts in their own process group (so that it can kill them whole), which
 * also means they outlive a runner that crashes. When the parent is gone, there is no one to
 * report to and the job's token is revoked: stop. (A script that never yields is bounded by the
 * CPU-time limit the runner sets instead.)
 */
function watchParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(1);
  }, 1000).unref();
}

async function runMode(script: DefinedScript): Promise<void> {
  const controller = new AbortController();
  // The runner cancels with SIGTERM and follows with SIGKILL shortly after: turning SIGTERM into
  // an abort lets a cooperative script stop its requests and exit on its own first.
  process.on("SIGTERM", () => controller.abort(new Error("the job was cancelled")));
  const ctx = createContext({
    jobId: Number(required("FOVEA_JOB_ID")),
    serverUrl: required("FOVEA_SERVER_URL"),
    token: required("FOVEA_TOKEN"),
    signal: controller.signal,
  });
  watchParent();
  const inputs = readInputs(script) as InputsOf<Params>;
  // Node exits when nothing is left to wait for, even while run()'s promise is pending (an await
  // on an event that never comes): say so, instead of a silent exit without outputs.
  process.once("beforeExit", () => fail(new Error("run() never finished: it was still waiting when nothing was left to wait for (a promise that is never settled?)")));
  const outputs = checkOutputs(await script.run(ctx, inputs));
  send({ type: "outputs", outputs });
  process.exit(0);
}

/** Entered from defineScript when FOVEA_MODE is set. */
export async function runProtocol(script: DefinedScript, mode: string): Promise<void> {
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  try {
    if (mode === "describe") {
      send({ type: "declaration", declaration: script.declaration });
      process.exit(0);
    }
    if (mode === "run") {
      // Deferred until the module has finished evaluating: run() may call helpers that the module
      // declares below its `export default defineScript(…)` (still uninitialised until then).
      await new Promise((resolve) => setImmediate(resolve));
      return await runMode(script);
    }
    throw new Error(`unknown FOVEA_MODE ${JSON.stringify(mode)}: expected describe or run`);
  } catch (err) {
    fail(err);
  }
}
