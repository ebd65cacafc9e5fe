/** Where the bytes of file annotations (and later original files) live. */
export interface StoredFile {
  readonly key: string;
  readonly size: number;
  readonly sha256: string;
}

export interface FileStore {
  /** Streams `source` into the store; rejects (storing nothing) if it exceeds `maxBytes`. */
  put(source: AsyncIterable<Uint8Array>, maxBytes: number, signal?: AbortSignal): Promise<StoredFile>;
  /** Reads the bytes back; rejects with NOT_FOUND when the key is unknown. */
  open(key: string): AsyncIterable<Uint8Array>;
  delete(key: string): Promise<void>;
}

/** The clock services read, so tests can move time (session expiry). */
export interface Clock {
  now(): Date;
}
