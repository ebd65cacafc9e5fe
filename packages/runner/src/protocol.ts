/**
 * The parent's side of the runner protocol (README.md): JSON lines from the child on fd 3. Parsed
 * defensively, since the child is untrusted code: a malformed line is reported, never thrown.
 */
import type { ScriptDeclaration } from "@fovea/model";

/** Every message a script may send (the SDKs of all languages send exactly these). */
export type ChildMessage =
  | { type: "declaration"; declaration: ScriptDeclaration }
  | { type: "progress"; fraction: number; message: string }
  | { type: "outputs"; outputs: Record<string, unknown> }
  | { type: "error"; message: string };

export type Parsed = { ok: true; message: ChildMessage } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function parseMessage(line: string): Parsed {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { ok: false, problem: `not JSON: ${line.slice(0, 200)}` };
  }
  if (!isRecord(v)) return { ok: false, problem: "a message must be a JSON object" };
  switch (v.type) {
    case "declaration":
      // Checked against the schema by the describe step, which reports every offending field.
      return { ok: true, message: { type: "declaration", declaration: v.declaration as ScriptDeclaration } };
    case "progress": {
      if (typeof v.fraction !== "number" || !Number.isFinite(v.fraction)) return { ok: false, problem: "progress needs a finite fraction" };
      const fraction = Math.min(1, Math.max(0, v.fraction));
      return { ok: true, message: { type: "progress", fraction, message: typeof v.message === "string" ? v.message : "" } };
    }
    case "outputs":
      return isRecord(v.outputs) ? { ok: true, message: { type: "outputs", outputs: v.outputs } } : { ok: false, problem: "outputs must be a JSON object" };
    case "error":
      return { ok: true, message: { type: "error", message: typeof v.message === "string" && v.message ? v.message : "the script reported an error" } };
    default:
      return { ok: false, problem: `unknown message type ${JSON.stringify(v.type)}` };
  }
}

/**
 * Splits a byte stream into lines. A line longer than `maxLineBytes` is an error rather than an
 * ever-growing buffer in the server (outputs are small; files go through the API).
 */
export class LineSplitter {
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  readonly #max: number;

  constructor(maxLineBytes: number) {
    this.#max = maxLineBytes;
  }

  /** The complete lines in `chunk` (with earlier leftovers); throws when a line is too long. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.#pending.push(chunk.subarray(start, nl));
      lines.push(Buffer.concat(this.#pending).toString("utf8"));
      this.#pending = [];
      this.#pendingBytes = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.#pending.push(chunk.subarray(start));
      this.#pendingBytes += chunk.length - start;
      if (this.#pendingBytes > this.#max) throw new Error(`a protocol message is longer than ${this.#max} bytes`);
    }
    return lines.filter((l) => l.trim() !== "");
  }

  /** What is left after the stream ended: a last line without its newline. */
  end(): string[] {
    const rest = Buffer.concat(this.#pending).toString("utf8");
    this.#pending = [];
    return rest.trim() === "" ? [] : [rest];
  }
}
