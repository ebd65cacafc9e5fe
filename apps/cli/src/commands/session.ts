/** `fovea login`, `fovea logout`, `fovea whoami`. */
import type { Command } from "commander";
import { FoveaError, isFoveaError } from "@fovea/model";
import { FoveaClient, serverLabel, type SessionInfoDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { resolvePassword } from "../password.ts";

export function registerSessionCommands(program: Command, ctx: CliContext): void {
  program
    .command("login")
    .description("log in and remember the session (in $FOVEA_CONFIG_DIR, mode 0600)")
    .requiredOption("-u, --user <name>", "user name")
    .option("-w, --password <password>", "password (else FOVEA_PASSWORD, a prompt, or the first line of stdin)")
    .option("-g, --group <group>", "group to work in (id or name); default: the user's default group")
    .action(async (opts: { user: string; password?: string; group?: string }) => {
      const client = await ctx.anonymousClient();
      const password = await resolvePassword(
        { option: opts.password, env: ctx.env, stdin: ctx.io.stdin, stderr: ctx.io.stderr },
        `Password for ${opts.user} at ${serverLabel(client.baseUrl)}: `,
      );
      const group = opts.group === undefined ? {} : { group: /^\d+$/.test(opts.group) ? Number(opts.group) : opts.group };
      const info = await client.login({ username: opts.user, password, ...group });
      if (!info.token) throw new FoveaError("INTERNAL", "the server did not return a session token");
      await ctx.store.write({ server: client.baseUrl, token: info.token, username: info.user.username });
      const { token: _secret, ...shown } = info;
      ctx.out.result({ server: serverLabel(client.baseUrl), ...shown }, () => `logged in to ${serverLabel(client.baseUrl)} as ${describeSession(info)}`);
    });

  program
    .command("logout")
    .description("end the session on the server and forget it here")
    .action(async () => {
      const login = await ctx.storedLogin();
      if (!login) {
        ctx.out.result({ loggedOut: false }, "not logged in");
        return;
      }
      const server = serverLabel(login.server);
      try {
        // The stored server, not -s: logging out ends the session that is stored.
        await new FoveaClient({ baseUrl: login.server, token: login.token }).logout();
      } catch (err) {
        // The local login is forgotten whatever the server says: an expired session or a server
        // that is gone must not leave the user stuck "logged in". Say so, but do not fail.
        if (!isFoveaError(err, "UNAUTHENTICATED") && !isFoveaError(err, "SESSION_EXPIRED")) {
          ctx.out.note(`warning: could not end the session on ${server}: ${(err as Error).message}`);
        }
      }
      await ctx.store.clear();
      ctx.out.result({ loggedOut: true, server, username: login.username }, `logged out ${login.username} from ${server}`);
    });

  program
    .command("whoami")
    .description("show the logged-in user, their group and the session's expiry")
    .action(async () => {
      const client = await ctx.client();
      const info = await client.session.get();
      ctx.out.result({ server: serverLabel(client.baseUrl), ...info }, () => `${describeSession(info)} on ${serverLabel(client.baseUrl)}\nsession expires ${info.expiresAt}`);
    });
}

/** `alice (admin) in group lab (3)`. */
function describeSession(info: SessionInfoDto): string {
  const user = info.user;
  const roles = [user.isAdmin ? "admin" : "", ...user.privileges].filter(Boolean);
  const group = user.groups.find((g) => g.id === info.groupId);
  const where = info.groupId === null ? "no group" : `group ${group?.name ?? "?"} (${info.groupId})`;
  return `${user.username}${roles.length ? ` (${roles.join(", ")})` : ""} in ${where}`;
}
