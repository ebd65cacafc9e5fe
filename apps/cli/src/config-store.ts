/**
 * Where the CLI keeps its login: `$FOVEA_CONFIG_DIR/login.json` (default `~/.config/fovea`). The
 * file holds a bearer token, so it is created with mode 0600 in a 0700 directory and replaced
 * atomically: a crash mid-write never leaves half a token, and no other user can read it.
 */
import { mkdir, readFile, rename, rm, writeFile, chmod } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { FoveaError } from "@fovea/model";

export interface StoredLogin {
  /** The server as given at login (normalised), e.g. `http://localhost:4080/api/v1`. */
  server: string;
  token: string;
  username: string;
}

const FILE_NAME = "login.json";

/** `$FOVEA_CONFIG_DIR`, else `$XDG_CONFIG_HOME/fovea`, else `~/.config/fovea`. */
export function configDirFromEnv(env: Record<string, string | undefined>, home: string = homedir()): string {
  if (env.FOVEA_CONFIG_DIR) return env.FOVEA_CONFIG_DIR;
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, "fovea");
  return join(home, ".config", "fovea");
}

export class ConfigStore {
  readonly dir: string;
  readonly path: string;

  constructor(dir: string) {
    this.dir = dir;
    this.path = join(dir, FILE_NAME);
  }

  /** The stored login, or undefined when there is none. A corrupt file is an error naming the fix. */
  async read(): Promise<StoredLogin | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new FoveaError("INTERNAL", `cannot read ${this.path}: ${(err as Error).message}`, { cause: err });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw corrupt(this.path, cause);
    }
    if (!isStoredLogin(parsed)) throw corrupt(this.path);
    return { server: parsed.server, token: parsed.token, username: parsed.username };
  }

  async write(login: StoredLogin): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
    // `mode` applies only when a file is created; a temp file left by a crash would keep its old mode.
    await chmod(tmp, 0o600);
    await rename(tmp, this.path);
  }

  /** Forgets the login; true when there was one. */
  async clear(): Promise<boolean> {
    try {
      await rm(this.path);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw err;
    }
  }
}

function isStoredLogin(v: unknown): v is StoredLogin {
  const r = v as Record<string, unknown> | null;
  return typeof r === "object" && r !== null && typeof r.server === "string" && typeof r.token === "string" && typeof r.username === "string";
}

function corrupt(path: string, cause?: unknown): FoveaError {
  return new FoveaError("INTERNAL", `${path} is not a Fovea login file; delete it or run \`fovea login\` again`, { cause });
}
