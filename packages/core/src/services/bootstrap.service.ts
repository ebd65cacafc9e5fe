/**
 * First-start set-up (SPEC §1): the `root` administrator, with its password from configuration
 * or generated and returned once; and, for demo servers, a demo group and user.
 */
import type { Repositories } from "../ports/index.ts";
import type { PasswordHasher } from "./ports.ts";
import { newPassword } from "./tokens.ts";

/** Creates `root` (and a `system` group it belongs to) when no user exists yet. */
export async function ensureRoot(repos: Repositories, hasher: PasswordHasher, configured: string | undefined): Promise<{ generatedPassword?: string }> {
  if (await repos.users.findByUsername("root")) return {};
  const password = configured ?? newPassword();
  await repos.transaction(async (tx) => {
    const group = (await tx.groups.findByName("system")) ?? (await tx.groups.insert({ name: "system", description: "Administrators", permissions: "private" }));
    const root = await tx.users.insert({
      username: "root", fullName: "Administrator", email: "", passwordHash: await hasher.hash(password), isAdmin: true, privileges: ["UploadScripts"],
    });
    await tx.groups.addMember(group.id, root.id, true);
    await tx.users.update(root.id, { defaultGroupId: group.id });
  });
  return configured === undefined ? { generatedPassword: password } : {};
}

export interface DemoAccount {
  username: string;
  password: string;
  userId: number;
  groupId: number;
}

/**
 * The demo account of `npm start`: user `demo` in a read-annotate group `Demo Lab`. Its password
 * is the configured one, else a fixed well-known one — demo servers are for trying Fovea locally.
 */
export async function ensureDemoAccount(repos: Repositories, hasher: PasswordHasher, password: string): Promise<DemoAccount> {
  return repos.transaction(async (tx) => {
    const group = (await tx.groups.findByName("Demo Lab")) ?? (await tx.groups.insert({ name: "Demo Lab", description: "Demo data", permissions: "read-annotate" }));
    let user = await tx.users.findByUsername("demo");
    if (!user) {
      user = await tx.users.insert({ username: "demo", fullName: "Demo User", email: "", passwordHash: await hasher.hash(password), isAdmin: false, privileges: [] });
      await tx.groups.addMember(group.id, user.id, false);
      user = await tx.users.update(user.id, { defaultGroupId: group.id });
    } else if (!(await hasher.verify(user.passwordHash, password))) {
      user = await tx.users.update(user.id, { passwordHash: await hasher.hash(password) });
    }
    return { username: "demo", password, userId: user.id, groupId: group.id };
  });
}
