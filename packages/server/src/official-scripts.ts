/**
 * Registers the official scripts shipped in `scripts/official/<folder>/<Name>.ts` at server start
 * (SPEC §4, issue: official scripts): new files are uploaded, changed ones get a new version by
 * content hash, unchanged ones cost one hash. They are registered as `root`.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadActor, type Repositories, type Services } from "@fovea/core";

/**
 * `scripts/official` at the repository root: three levels up both from this source file
 * (packages/server/src) and from the bundled CLI (apps/cli/dist).
 */
export function defaultOfficialScriptsDir(): string {
  return fileURLToPath(new URL("../../../scripts/official", import.meta.url));
}

export async function registerOfficialScripts(services: Services, repos: Repositories, dir: string, log: { info(m: string): void; warn(m: string): void }): Promise<number> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) {
    log.warn(`official scripts folder ${dir} not found: no built-in scripts registered`);
    return 0;
  }
  const root = await repos.users.findByUsername("root");
  if (!root) return 0;
  const system = await loadActor(repos, root, root.defaultGroupId);
  let count = 0;
  for (const folder of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const file of (await readdir(join(dir, folder))).filter((f) => /\.(ts|js|py)$/.test(f) && !f.endsWith(".test.ts")).sort()) {
      try {
        await services.scripts.registerOfficial(system, file, await readFile(join(dir, folder, file), "utf8"), folder);
        count++;
      } catch (err) {
        // One broken built-in must not keep the server from starting; it is named in the log.
        log.warn(`official script ${folder}/${file} not registered: ${(err as Error).message}`);
      }
    }
  }
  log.info(`official scripts: ${count} registered from ${dir}`);
  return count;
}
