/**
 * Describe mode: run the script with no token and a short timeout, read its declaration, check it
 * against the shared schema. Every failure is SCRIPT_INVALID carrying the script's own words (its
 * error message, or the end of its stderr), so the uploader sees what to fix.
 */
import { FoveaError, validateDeclaration, type ScriptDeclaration } from "@fovea/model";
import type { ChildMessage } from "./protocol.ts";
import { supervise, type Launch, type Supervised } from "./supervise.ts";

export interface DescribeSettings {
  readonly workRoot: string;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  readonly onSpawn?: ((pid: number) => void) | undefined;
  /** Another language's process (Node when absent), and what to tell an author whose script sent no declaration. */
  readonly launch?: Launch | undefined;
  readonly noDeclarationHint?: string | undefined;
}

/** The last non-empty lines of stderr, for a message (the whole tail goes to details). */
export function lastLines(text: string, n = 12): string {
  return text.split("\n").filter((l) => l.trim() !== "").slice(-n).join("\n");
}

function invalid(message: string, details?: unknown): FoveaError {
  return new FoveaError("SCRIPT_INVALID", message, details === undefined ? {} : { details });
}

function failure(end: Supervised, error: string | undefined, settings: DescribeSettings): FoveaError | undefined {
  const stderr = lastLines(end.stderrTail);
  switch (end.stop?.kind) {
    case "timeout":
      return invalid(`describe mode did not finish within ${settings.timeoutMs} ms: does the script do work at the top level instead of in run()?`);
    case "memory":
      return invalid(`describe mode went over its memory limit (${Math.round(end.stop.rssMb)} MB > ${end.stop.capMb} MB)`);
    case "protocol":
      return invalid(`the script broke the runner protocol: ${end.stop.problem}`);
    case "cancel":
      return invalid("describe mode was cancelled");
    case undefined:
      break;
  }
  if (error !== undefined) return invalid(`the script failed in describe mode: ${error}${stderr ? `\n${stderr}` : ""}`);
  if (end.exitCode !== 0) {
    const how = end.exitCode === null ? `was killed by ${end.exitSignal}` : `exited with code ${end.exitCode}`;
    return invalid(`the script ${how} in describe mode${stderr ? `:\n${stderr}` : ""}`);
  }
  return undefined;
}

export async function describeScript(runnable: string, settings: DescribeSettings): Promise<ScriptDeclaration> {
  let declaration: unknown;
  let error: string | undefined;
  const end = await supervise({
    workRoot: settings.workRoot,
    runnable,
    mode: "describe",
    timeoutMs: settings.timeoutMs,
    memoryMb: settings.memoryMb,
    maxLogBytes: 64 * 1024,
    onSpawn: settings.onSpawn,
    launch: settings.launch,
    onMessage(m: ChildMessage) {
      if (m.type === "declaration" && declaration === undefined) declaration = m.declaration;
      else if (m.type === "error") error ??= m.message;
    },
    // Describe output is not kept anywhere; only its tail is read for error messages.
    onOutput() {},
  });
  const failed = failure(end, error, settings);
  if (failed) throw failed;
  if (declaration === undefined) {
    throw invalid(settings.noDeclarationHint ?? "the script sent no declaration: its module must call defineScript(…) from @fovea/sdk (export default defineScript({ … }))");
  }
  const issues = validateDeclaration(declaration);
  if (issues.length > 0) {
    throw invalid(`invalid declaration: ${issues.map((i) => `${i.field}: ${i.message}`).join("; ")}`, issues);
  }
  return declaration as ScriptDeclaration;
}
