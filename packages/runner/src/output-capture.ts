/**
 * stdout/stderr capture: decodes UTF-8 across chunk boundaries (a character split between two
 * reads is held back, not turned into U+FFFD), caps what is forwarded, and keeps the tail of stderr
 * for error messages.
 */
import { StringDecoder } from "node:string_decoder";

export type Stream = "stdout" | "stderr";

export class OutputCapture {
  readonly #stream: Stream;
  readonly #decoder = new StringDecoder("utf8");
  readonly #forward: (stream: Stream, text: string) => void;
  readonly #maxBytes: number;
  #bytes = 0;
  #truncated = false;
  #tail = "";

  constructor(stream: Stream, forward: (stream: Stream, text: string) => void, maxBytes: number) {
    this.#stream = stream;
    this.#forward = forward;
    this.#maxBytes = maxBytes;
  }

  push(chunk: Buffer): void {
    this.#emit(this.#decoder.write(chunk));
  }

  end(): void {
    this.#emit(this.#decoder.end());
  }

  /** The last few kilobytes, kept even past the cap (the end of stderr holds the fatal error). */
  get tail(): string {
    return this.#tail;
  }

  #emit(text: string): void {
    if (text === "") return;
    this.#tail = (this.#tail + text).slice(-8192);
    if (this.#truncated) return;
    const size = Buffer.byteLength(text);
    if (this.#bytes + size <= this.#maxBytes) {
      this.#bytes += size;
      this.#forward(this.#stream, text);
      return;
    }
    // Forward what still fits (whole characters only): a chunk that crosses the cap — or arrives
    // larger than it, as when a busy machine lets the pipe fill — keeps its beginning.
    const head = prefixWithin(text, this.#maxBytes - this.#bytes);
    if (head !== "") this.#forward(this.#stream, head);
    this.#bytes = this.#maxBytes;
    this.#truncated = true;
    this.#forward(this.#stream, `\n[fovea] ${this.#stream} truncated: the script wrote more than ${this.#maxBytes} bytes\n`);
  }
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `bytes`. */
function prefixWithin(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (used + n > bytes) break;
    used += n;
    end += ch.length;
  }
  return text.slice(0, end);
}
