/**
 * Who is logged in. The page asks `GET /session` at start; a 401 shows the login page. Login uses
 * a cookie session (`session: "cookie"`), whose answer carries the CSRF token for later writes.
 */
import type { SessionInfoDto } from "@fovea/client";
import { isFoveaError } from "@fovea/model";
import { api, setCsrfToken } from "../api/web-client.ts";
import { createStore } from "./store.ts";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; reason?: string }
  | { status: "ready"; info: SessionInfoDto };

export const sessionStore = createStore<SessionState>({ status: "loading" });

function accept(info: SessionInfoDto): SessionInfoDto {
  setCsrfToken(info.csrfToken);
  sessionStore.set({ status: "ready", info });
  return info;
}

/** Reads the current session (at page load); an expired or missing one shows the login page. */
export async function loadSession(): Promise<void> {
  try {
    accept(await api.session.get());
  } catch (err) {
    if (isFoveaError(err, "UNAUTHENTICATED") || isFoveaError(err, "SESSION_EXPIRED")) {
      sessionStore.set({ status: "anonymous", ...(isFoveaError(err, "SESSION_EXPIRED") && { reason: "Your session has expired: please log in again." }) });
      return;
    }
    throw err;
  }
}

export async function logIn(username: string, password: string): Promise<SessionInfoDto> {
  return accept(await api.session.login({ username, password, session: "cookie" }));
}

export async function logOut(): Promise<void> {
  try {
    await api.session.logout();
  } finally {
    setCsrfToken(undefined);
    sessionStore.set({ status: "anonymous" });
  }
}

/** Switches the active group (where new objects go) and keeps the new session info. */
export async function switchGroup(groupId: number): Promise<void> {
  accept(await api.session.switchGroup(groupId));
}

/** Called by any feature that receives a 401 mid-session: back to the login page. */
export function sessionLost(err: unknown): boolean {
  if (isFoveaError(err, "UNAUTHENTICATED") || isFoveaError(err, "SESSION_EXPIRED")) {
    setCsrfToken(undefined);
    sessionStore.set({ status: "anonymous", reason: "Your session has ended: please log in again." });
    return true;
  }
  return false;
}

/** The logged-in user; only valid inside the authenticated app. */
export function currentUser(): SessionInfoDto["user"] {
  const s = sessionStore.get();
  if (s.status !== "ready") throw new Error("no session");
  return s.info.user;
}

/** Administrators and script managers (UploadScripts) may manage official scripts. */
export function canManageScripts(user: SessionInfoDto["user"]): boolean {
  return user.isAdmin || user.privileges.includes("UploadScripts");
}
