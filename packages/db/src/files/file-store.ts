/**
 * FileStore on a local directory. Files are written to a temporary name first and renamed into
 * place, so a key never names a partial file; keys are `<aa>/<uuid>` (the first two hex digits
 * fan the files out over 256 sub-directories).
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FoveaError } from "@fovea/model";
import type { FileStore, StoredFile } from "@fovea/core";

/** Only keys this store made are accepted, so a key can never reach outside the directory. */
const KEY_RE = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** FileStore whose files live under the directory given to the constructor (created on first put). */
export class DiskFileStore implements FileStore {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async put(source: AsyncIterable<Uint8Array>, maxBytes: number, signal?: AbortSignal): Promise<StoredFile> {
    await mkdir(this.#dir, { recursive: true });
    const id = randomUUID();
    const temp = join(this.#dir, `.tmp-${id}`);
    const hash = createHash("sha256");
    let size = 0;
    async function* measure(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const chunk of chunks) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new FoveaError("PAYLOAD_TOO_LARGE", `The file is larger than ${maxBytes} bytes`);
        hash.update(chunk);
        yield chunk;
      }
    }
    try {
      await pipeline(source, measure, createWriteStream(temp, { flags: "wx" }), signal ? { signal } : {});
      const key = `${id.slice(0, 2)}/${id}`;
      await mkdir(join(this.#dir, id.slice(0, 2)), { recursive: true });
      await rename(temp, join(this.#dir, key));
      return { key, size, sha256: hash.digest("hex") };
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /** Throws NOT_FOUND at once (not on first read) so callers can answer 404 before streaming. */
  open(key: string): Readable {
    const path = this.#pathOf(key);
    try {
      if (path === undefined || !statSync(path).isFile()) throw new Error("not a file");
    } catch (err) {
      throw new FoveaError("NOT_FOUND", `No stored file with key "${key}"`, { cause: err });
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    const path = this.#pathOf(key);
    if (path !== undefined) await rm(path, { force: true });
  }

  #pathOf(key: string): string | undefined {
    return KEY_RE.test(key) ? join(this.#dir, key) : undefined;
  }
}
