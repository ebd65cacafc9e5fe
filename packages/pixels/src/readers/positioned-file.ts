/**
 * Positioned reads on an open file handle: readers fetch exactly the bytes of a header, a strip or
 * a plane, never the whole file. Every read is checked against the file's size, so a truncated
 * file fails with FILE_UNREADABLE instead of yielding zeros.
 */
import { open, type FileHandle } from "node:fs/promises";
import { FoveaError } from "@fovea/model";
import { displayName, unreadable } from "./reader-errors.ts";

/** A read-only file with bounds-checked positioned reads. */
export class PositionedFile {
  private closed = false;

  private constructor(
    readonly path: string,
    readonly size: number,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<PositionedFile> {
    let handle: FileHandle;
    try {
      handle = await open(path, "r");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw unreadable(path, code === "ENOENT" ? "no such file" : `cannot open (${code ?? String(err)})`, err);
    }
    try {
      const { size } = await handle.stat();
      return new PositionedFile(path, size, handle);
    } catch (err) {
      await handle.close();
      throw unreadable(path, "cannot stat the file", err);
    }
  }

  /** Exactly `length` bytes at `offset`; `what` names the part for the error message. */
  async read(offset: number, length: number, what: string): Promise<Uint8Array> {
    if (this.closed) throw new FoveaError("INTERNAL", `${displayName(this.path)}: read after the file was closed`);
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
      throw unreadable(this.path, `${what}: invalid byte range (offset ${offset}, length ${length})`);
    }
    if (offset + length > this.size) {
      throw unreadable(this.path, `${what} needs bytes ${offset}–${offset + length} but the file has only ${this.size} (truncated?)`);
    }
    const out = new Uint8Array(length);
    let done = 0;
    // A single read may return fewer bytes than asked (large reads, some file systems): loop.
    while (done < length) {
      const { bytesRead } = await this.handle.read(out, done, length - done, offset + done);
      if (bytesRead === 0) throw unreadable(this.path, `${what}: unexpected end of file at byte ${offset + done}`);
      done += bytesRead;
    }
    return out;
  }

  /** Up to `length` bytes at `offset`, fewer at the end of the file (for format probes). */
  async readUpTo(offset: number, length: number): Promise<Uint8Array> {
    const n = Math.max(0, Math.min(length, this.size - offset));
    return n === 0 ? new Uint8Array(0) : this.read(offset, n, "read");
  }

  /** Safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}
