/**
 * What every command needs: the output, the environment, the login store, and a client for the
 * right server. Built once in main and handed to each command group.
 */
import { FoveaClient, normalizeBaseUrl, serverLabel } from "@fovea/client";
import { FoveaError } from "@fovea/model";
import { ConfigStore, type StoredLogin } from "./config-store.ts";
import { Output } from "./output.ts";

export const DEFAULT_SERVER = "http://localhost:4080";

/** Options every command accepts (declared on the program). */
export interface GlobalOptions {
  json?: boolean;
  server?: string;
}

export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

export class CliContext {
  readonly out: Output;
  readonly io: CliIo;
  readonly store: ConfigStore;
  #globals: GlobalOptions = {};
  #login: StoredLogin | undefined | null = null;

  constructor(io: CliIo, store: ConfigStore) {
    this.io = io;
    this.store = store;
    this.out = new Output(io.stdout, io.stderr);
  }

  /** Called before each command runs, with the parsed global options. */
  configure(globals: GlobalOptions): void {
    this.#globals = globals;
    this.out.json = globals.json === true;
  }

  get env(): Record<string, string | undefined> {
    return this.io.env;
  }

  async storedLogin(): Promise<StoredLogin | undefined> {
    if (this.#login === null) this.#login = await this.store.read();
    return this.#login;
  }

  /** `-s`, else `FOVEA_SERVER`, else the server of the stored login, else localhost:4080 (normalised). */
  async serverUrl(): Promise<string> {
    const given = this.#globals.server ?? this.env.FOVEA_SERVER ?? (await this.storedLogin())?.server ?? DEFAULT_SERVER;
    return normalizeBaseUrl(given);
  }

  /** A client without credentials (login, health). */
  async anonymousClient(): Promise<FoveaClient> {
    return new FoveaClient({ baseUrl: await this.serverUrl() });
  }

  /**
   * A client carrying the stored token. The token is sent only to the server it was issued by:
   * pointing `-s` at another server must not hand it our credentials.
   */
  async client(): Promise<FoveaClient> {
    const baseUrl = await this.serverUrl();
    const login = await this.storedLogin();
    if (!login || normalizeBaseUrl(login.server) !== baseUrl) {
      throw new FoveaError("UNAUTHENTICATED", `not logged in to ${serverLabel(baseUrl)}`);
    }
    return new FoveaClient({ baseUrl, token: login.token });
  }

  /** The advice printed under "log in first" errors. */
  async loginHint(): Promise<string> {
    const server = serverLabel(await this.serverUrl().catch(() => DEFAULT_SERVER));
    const login = await this.storedLogin().catch(() => undefined);
    return `run \`fovea login -s ${server} -u ${login?.username ?? "USER"}\``;
  }
}
