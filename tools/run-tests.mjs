// Finds every test file (Node 20's --test takes no glob patterns) and runs them with node:test
// through tsx. Extra arguments are passed on (e.g. --test-name-pattern).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOTS = ["packages", "apps", "test", "tools"];
// apps/web has its own runner (vitest, `npm run test:web`); its tests import vitest, not node:test.
const SKIP = new Set(["node_modules", "dist", "apps/web"]);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (SKIP.has(name) || SKIP.has(p)) continue;
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const files = ROOTS.flatMap((r) => { try { return find(r); } catch { return []; } }).sort();
const res = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...process.argv.slice(2), ...files], { stdio: "inherit" });
process.exit(res.status ?? 1);
