/** `fovea user add`: create accounts (administrators only). */
import type { Command } from "commander";
import { PRIVILEGES, type Privilege } from "@fovea/model";
import type { UserDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { generatePassword } from "../password.ts";
import { UsageError } from "../usage-error.ts";

interface UserAddOptions {
  admin?: boolean;
  privilege: string[];
  group: string[];
  password?: string;
  fullName?: string;
  email?: string;
}

export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command("user").description("manage users (administrators)");
  user
    .command("add <name>")
    .description("create a user; without -w a strong password is generated and printed once")
    .option("--admin", "make the user an administrator")
    .option("--privilege <privilege>", `grant a privilege (${PRIVILEGES.join(", ")}); repeatable`, collect, [])
    .option("--group <group>", "add to a group (id or name); repeatable, the first is the default group", collect, [])
    .option("-w, --password <password>", "the user's password")
    .option("--full-name <name>", "full name")
    .option("--email <address>", "e-mail address")
    .action(async (name: string, opts: UserAddOptions) => {
      const privileges = opts.privilege.map(checkPrivilege);
      const generated = opts.password === undefined ? generatePassword() : undefined;
      const client = await ctx.client();
      const created = await client.users.create({
        username: name,
        password: opts.password ?? generated!,
        ...(opts.admin ? { isAdmin: true } : {}),
        ...(privileges.length ? { privileges } : {}),
        ...(opts.group.length ? { groups: opts.group.map((g) => (/^\d+$/.test(g) ? Number(g) : g)) } : {}),
        ...(opts.fullName === undefined ? {} : { fullName: opts.fullName }),
        ...(opts.email === undefined ? {} : { email: opts.email }),
      });
      const doc = generated === undefined ? created : { ...created, generatedPassword: generated };
      ctx.out.result(doc, () => describeNewUser(created, generated));
    });
}

function describeNewUser(user: UserDto, generated: string | undefined): string {
  const groups = user.groups.map((g) => g.name).join(", ") || "none";
  const lines = [`created User:${user.id} ${user.username}${user.isAdmin ? " (admin)" : ""}, groups: ${groups}`];
  // Printed once: the server stores only a hash, so this is the only chance to see it.
  if (generated !== undefined) lines.push(`password: ${generated}`, "(shown only now: pass it on securely)");
  return lines.join("\n");
}

function checkPrivilege(p: string): Privilege {
  const match = PRIVILEGES.find((known) => known.toLowerCase() === p.toLowerCase());
  if (!match) throw new UsageError(`unknown privilege "${p}"; expected one of: ${PRIVILEGES.join(", ")}`);
  return match;
}

/** Commander's accumulator for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
