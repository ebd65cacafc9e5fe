/**
 * Everything the CLI prints goes through here. With `--json`, a command prints exactly one JSON
 * document on stdout (its result, or the error envelope) so that scripts can pipe it to `jq`;
 * otherwise readable lines and tables. Notes and prompts always go to stderr.
 */
import { isFoveaError, type ErrorEnvelope } from "@fovea/model";

export interface TextSink {
  write(text: string): unknown;
}

export class Output {
  json = false;
  readonly #stdout: TextSink;
  readonly #stderr: TextSink;
  #emitted = false;

  constructor(stdout: TextSink, stderr: TextSink) {
    this.#stdout = stdout;
    this.#stderr = stderr;
  }

  /** Prints a command's result: `doc` as JSON with `--json`, else `text` (computed only when needed). */
  result(doc: unknown, text: string | (() => string)): void {
    if (this.#emitted) throw new Error("a command printed two results; --json output must be one document");
    this.#emitted = true;
    if (this.json) this.#stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else {
      const body = typeof text === "function" ? text() : text;
      if (body !== "") this.#stdout.write(body.endsWith("\n") ? body : `${body}\n`);
    }
  }

  /** A remark for people (progress, hints); never part of the JSON document. */
  note(text: string): void {
    this.#stderr.write(`${text}\n`);
  }

  /** Reports a failure: the message on stderr and, with `--json`, the envelope on stdout. */
  error(err: unknown, hint?: string): void {
    this.#stderr.write(formatErrorText(err, hint));
    // A result already printed stays the only JSON document; the error is then on stderr alone.
    if (this.json && !this.#emitted) {
      this.#emitted = true;
      this.#stdout.write(`${JSON.stringify(errorEnvelope(err), null, 2)}\n`);
    }
  }
}

/** `error: <message>`, then one indented `field: message` line per detail, then an optional hint. */
export function formatErrorText(err: unknown, hint?: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const lines = [`error: ${message}`];
  if (isFoveaError(err)) lines.push(...formatDetails(err.details, message));
  if (hint) lines.push(`hint: ${hint}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Details come as a list of issues (`{field|param, message}`) or as a plain object of facts; facts
 * the message already states (such as the server URL) are not repeated.
 */
export function formatDetails(details: unknown, message = ""): string[] {
  if (Array.isArray(details)) {
    return details.map((d) => {
      if (typeof d !== "object" || d === null) return `  ${String(d)}`;
      const rec = d as Record<string, unknown>;
      const where = rec.field ?? rec.param ?? rec.path;
      const what = typeof rec.message === "string" ? rec.message : JSON.stringify(d);
      // Parameter messages already start with the parameter's name; don't say it twice.
      if (where === undefined || what.startsWith(`${String(where)} `) || what.startsWith(`${String(where)}:`)) return `  ${what}`;
      return `  ${String(where)}: ${what}`;
    });
  }
  if (typeof details === "object" && details !== null) {
    return Object.entries(details)
      .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)] as const)
      .filter(([, v]) => !message.includes(v))
      .map(([k, v]) => `  ${k}: ${v}`);
  }
  return [];
}

export function errorEnvelope(err: unknown): ErrorEnvelope {
  if (isFoveaError(err)) {
    return { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  }
  return { error: { code: "INTERNAL", message: err instanceof Error ? err.message : String(err) } };
}

/**
 * A header row, then left-aligned columns separated by two spaces and no borders (as `docker ps`
 * prints them), so that the output stays greppable. Newlines inside cells become spaces.
 */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows].map((r) => r.map((c) => c.replace(/\s*[\r\n]+\s*/g, " ")));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  return all
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ").trimEnd())
    .join("\n");
}

/** Shortens free text for a table cell. */
export function truncate(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
