/** `fovea group add`, `fovea group adduser`: groups and their members. */
import type { Command } from "commander";
import { FoveaError, GROUP_PERMISSIONS, isGroupPermissions } from "@fovea/model";
import { allPages, type FoveaClient, type GroupDto } from "@fovea/client";
import type { CliContext } from "../cli-context.ts";
import { parseIdArg } from "../ref-args.ts";
import { UsageError } from "../usage-error.ts";

export function registerGroupCommands(program: Command, ctx: CliContext): void {
  const group = program.command("group").description("manage groups");
  group
    .command("add <name>")
    .description("create a group")
    .option("--perms <level>", `permission level: ${GROUP_PERMISSIONS.join("|")} (server default: private)`)
    .option("--description <text>", "description")
    .action(async (name: string, opts: { perms?: string; description?: string }) => {
      if (opts.perms !== undefined && !isGroupPermissions(opts.perms)) {
        throw new UsageError(`unknown permission level "${opts.perms}"; expected one of: ${GROUP_PERMISSIONS.join(", ")}`);
      }
      const client = await ctx.client();
      const created = await client.groups.create({
        name,
        ...(opts.perms === undefined ? {} : { permissions: opts.perms }),
        ...(opts.description === undefined ? {} : { description: opts.description }),
      });
      ctx.out.result(created, `created Group:${created.id} ${created.name} (${created.permissions})`);
    });

  group
    .command("adduser <group> <user>")
    .description("add a user (id or name) to a group (id, Group:ID or name)")
    .option("--owner", "make the user an owner of the group")
    .action(async (groupArg: string, userArg: string, opts: { owner?: boolean }) => {
      const client = await ctx.client();
      const groupId = await resolveGroupId(client, groupArg);
      const userId = parseIdArg(userArg, "User");
      const updated = await client.groups.addMember(groupId, {
        user: userId ?? userArg,
        ...(opts.owner ? { owner: true } : {}),
      });
      ctx.out.result(updated, () => `added ${userArg} to ${describeGroup(updated)}${opts.owner ? " as an owner" : ""}`);
    });
}

/** A group named by id, `Group:ID` or name. Names are looked up in the groups the caller can see. */
export async function resolveGroupId(client: FoveaClient, arg: string): Promise<number> {
  const id = parseIdArg(arg, "Group");
  if (id !== undefined) return id;
  if (arg.trim() === "") throw new UsageError("empty group name");
  for await (const g of allPages((page) => client.groups.list(page))) {
    if (g.name === arg) return g.id;
  }
  throw new FoveaError("NOT_FOUND", `no group named "${arg}"`);
}

function describeGroup(g: GroupDto): string {
  return `Group:${g.id} ${g.name}`;
}
