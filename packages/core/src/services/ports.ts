/** Small ports that only the services need. */
import type { Clock, FileOpener, FileStore, PixelStore, Repositories } from "../ports/index.ts";

/** Slow password hashing (argon2id in the server); core never sees the algorithm. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** What every service is built from; the composition root assembles it once. */
export interface ServiceDeps {
  readonly repos: Repositories;
  readonly files: FileStore;
  readonly opener: FileOpener;
  readonly pixels: PixelStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly sessionTtlHours: number;
  readonly maxUploadBytes: number;
}
