/**
 * Logins and sessions (SPEC §1): bearer-token sessions for the CLI and API, cookie sessions with
 * a CSRF token for browsers. Tokens are stored hashed; expired sessions are refused and removed.
 */
import { FoveaError, type SessionInfoDto } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import type { SessionKind, SessionRecord, UserRecord } from "../ports/index.ts";
import { loadActor } from "./actor-loader.ts";
import { toUserDto } from "./dto.ts";
import { LoginThrottle } from "./login-throttle.ts";
import type { ServiceDeps } from "./ports.ts";
import { hashToken, newToken } from "./tokens.ts";

export interface LoginRequest {
  username: string;
  password: string;
  group?: number | string | undefined;
  kind: "token" | "cookie";
  /** Client address, for the login throttle. */
  clientKey: string;
}

export interface Authenticated {
  readonly actor: Actor;
  readonly session: SessionRecord;
}

export class AuthService {
  readonly #throttle: LoginThrottle;
  constructor(private readonly deps: ServiceDeps) {
    this.#throttle = new LoginThrottle(deps.clock);
  }

  /** Checks the password and opens a session; the token is returned once and stored hashed. */
  async login(req: LoginRequest): Promise<SessionInfoDto & { token: string }> {
    const key = `${req.username.toLowerCase()}|${req.clientKey}`;
    this.#throttle.check(key);
    const user = await this.deps.repos.users.findByUsername(req.username);
    // Verify against a real hash even for unknown users, so timing does not reveal who exists.
    const ok = await this.deps.hasher.verify(user?.passwordHash ?? DUMMY_HASH, req.password).catch(() => false);
    if (!user || !ok) {
      this.#throttle.recordFailure(key);
      throw new FoveaError("BAD_CREDENTIALS");
    }
    this.#throttle.recordSuccess(key);
    const groupId = await this.#resolveGroup(user, req.group);
    const opened = await this.openSession(user, groupId, req.kind);
    return { ...(await this.sessionInfo(opened.auth)), token: opened.token };
  }

  /** Opens a session without a password check (used for job tokens and after login). */
  async openSession(user: UserRecord, groupId: number | null, kind: SessionKind): Promise<{ token: string; auth: Authenticated }> {
    const token = newToken();
    const now = this.deps.clock.now();
    const session = await this.deps.repos.sessions.insert({
      tokenHash: await hashToken(token),
      userId: user.id,
      groupId,
      kind,
      csrfToken: kind === "cookie" ? newToken() : null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.deps.sessionTtlHours * 3_600_000).toISOString(),
    });
    return { token, auth: { actor: await loadActor(this.deps.repos, user, groupId), session } };
  }

  /**
   * A token for one job: the launching user in the launching group, expiring shortly after the
   * job's time limit, and revoked when the job ends (SPEC §5).
   */
  async openJobSession(user: UserRecord, groupId: number, jobId: number, ttlSeconds: number): Promise<{ token: string }> {
    const token = newToken();
    const now = this.deps.clock.now();
    await this.deps.repos.sessions.insert({
      tokenHash: await hashToken(token), userId: user.id, groupId, kind: "job", csrfToken: null, jobId,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
    });
    return { token };
  }

  /** Resolves a presented token to its actor; unknown → UNAUTHENTICATED, expired → SESSION_EXPIRED. */
  async authenticate(token: string): Promise<Authenticated> {
    const session = await this.deps.repos.sessions.findByTokenHash(await hashToken(token));
    if (!session) throw new FoveaError("UNAUTHENTICATED", "Unknown or revoked session token: log in again");
    if (new Date(session.expiresAt).getTime() <= this.deps.clock.now().getTime()) {
      await this.deps.repos.sessions.deleteById(session.id);
      throw new FoveaError("SESSION_EXPIRED");
    }
    const user = await this.deps.repos.users.findById(session.userId);
    if (!user) throw new FoveaError("UNAUTHENTICATED", "The session's user no longer exists");
    return { actor: await loadActor(this.deps.repos, user, session.groupId), session };
  }

  async logout(auth: Authenticated): Promise<void> {
    await this.deps.repos.sessions.deleteById(auth.session.id);
  }

  /** Switches the session's active group (where new objects go). */
  async switchGroup(auth: Authenticated, groupId: number): Promise<SessionInfoDto> {
    if (!auth.actor.memberships.has(groupId) && !auth.actor.isAdmin) {
      throw new FoveaError("NOT_A_MEMBER", `You are not a member of group ${groupId}`);
    }
    if (!(await this.deps.repos.groups.findById(groupId))) throw new FoveaError("NOT_FOUND", "Group not found");
    await this.deps.repos.sessions.setGroup(auth.session.id, groupId);
    return this.sessionInfo(await this.authenticateSession({ ...auth.session, groupId }));
  }

  async sessionInfo(auth: Authenticated): Promise<SessionInfoDto> {
    const user = await this.deps.repos.users.findById(auth.actor.userId);
    if (!user) throw new FoveaError("UNAUTHENTICATED");
    const info: SessionInfoDto = {
      user: await toUserDto(this.deps.repos, user),
      groupId: auth.actor.activeGroupId,
      expiresAt: auth.session.expiresAt,
    };
    if (auth.session.csrfToken) info.csrfToken = auth.session.csrfToken;
    return info;
  }

  async #resolveGroup(user: UserRecord, group: number | string | undefined): Promise<number | null> {
    if (group === undefined) return user.defaultGroupId;
    const found = typeof group === "number"
      ? await this.deps.repos.groups.findById(group)
      : await this.deps.repos.groups.findByName(group);
    const memberships = await this.deps.repos.groups.membershipsOfUser(user.id);
    if (!found || (!user.isAdmin && !memberships.some((m) => m.groupId === found.id))) {
      throw new FoveaError("NOT_A_MEMBER", `You are not a member of group ${String(group)}`);
    }
    return found.id;
  }

  async authenticateSession(session: SessionRecord): Promise<Authenticated> {
    const user = await this.deps.repos.users.findById(session.userId);
    if (!user) throw new FoveaError("UNAUTHENTICATED");
    return { actor: await loadActor(this.deps.repos, user, session.groupId), session };
  }
}

/** An argon2id hash of a random string: verifying against it costs what a real check costs. */
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2k3Gkpa0QFS4nOq7B1nCQfRHRhXcS4ENJ9BWYn0TeLU";
