/** The current session (`/auth/*`, `/session`): log in and out, who am I, switch group. */
import type { Transport } from "../transport.ts";
import type { LoginRequest, SessionInfoDto } from "../types.ts";

export class SessionApi {
  readonly #http: Transport;
  constructor(http: Transport) {
    this.#http = http;
  }

  /** Logs in and keeps the returned bearer token for every later request of this client. */
  async login(body: LoginRequest): Promise<SessionInfoDto> {
    const info = await this.#http.json<SessionInfoDto>("POST", "/auth/login", { body });
    if (info.token) this.#http.token = info.token;
    return info;
  }
  /** Ends the session on the server, then forgets the token. */
  async logout(): Promise<void> {
    await this.#http.json("POST", "/auth/logout");
    this.#http.token = undefined;
  }
  get(): Promise<SessionInfoDto> {
    return this.#http.json("GET", "/session");
  }
  /** Makes `groupId` the active group: new objects are created in it. */
  switchGroup(groupId: number): Promise<SessionInfoDto> {
    return this.#http.json("PUT", "/session", { body: { groupId } });
  }
}
