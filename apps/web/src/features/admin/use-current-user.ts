/** The logged-in user, re-rendering when the session changes (e.g. after editing yourself). */
import type { UserDto } from "@fovea/model";
import { sessionStore } from "../../state/session.ts";
import { useStore } from "../../state/store.ts";

export function useCurrentUser(): UserDto | undefined {
  return useStore(sessionStore, (s) => (s.status === "ready" ? s.info.user : undefined));
}
