// Checks the dependency direction of docs/ARCHITECTURE.md and the absence of import cycles.
// esbuild resolves every source file's imports (type-only imports vanish, as they should: they
// create no run-time dependency); we then compare each import with the package's allowed list.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

/** package folder → Fovea packages it may import (statically), and whether Node built-ins are allowed. */
const RULES = {
  "packages/model": { fovea: [], node: false },
  "packages/core": { fovea: ["model"], node: false, forbidden: ["kysely", "fastify", "bullmq", "pg", "better-sqlite3"] },
  "packages/db": { fovea: ["model", "core"], node: true },
  "packages/pixels": { fovea: ["model", "core"], node: true },
  // The BullMQ consumer entry will live here too; its imports of core stay type-only (STYLE rule 4).
  "packages/jobs": { fovea: ["model", "core"], node: true, forbidden: ["kysely", "pg", "better-sqlite3"] },
  "packages/client": { fovea: ["model"], node: true },
  // Scripts and their runner reach data only over HTTP; the runner's imports of core are type-only.
  "packages/sdk": { fovea: ["model", "client"], node: true },
  "packages/runner": { fovea: ["model", "client"], node: true, forbidden: ["kysely", "fastify", "bullmq", "pg", "better-sqlite3"] },
  "packages/server": { fovea: ["model", "core", "db", "pixels", "jobs", "runner", "client"], node: true },
  // The CLI reaches the server only through a lazy import inside `server start`.
  "apps/cli": { fovea: ["model", "client"], lazy: ["server", "runner"], node: true },
  // The browser UI: the shared language and the HTTP client only, no Node built-ins.
  "apps/web": { fovea: ["model", "client"], node: false },
};

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) && !p.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const problems = [];
const externalize = {
  name: "externalize",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
  },
};

for (const [pkg, rule] of Object.entries(RULES)) {
  const files = sourceFiles(join(pkg, "src"));
  if (files.length === 0) continue;
  const result = await build({
    entryPoints: files, bundle: true, write: false, metafile: true, outdir: "/tmp/fovea-layers",
    platform: "node", format: "esm", logLevel: "silent", plugins: [externalize],
  });
  const graph = new Map();
  for (const [file, info] of Object.entries(result.metafile.inputs)) {
    const internal = [];
    for (const imp of info.imports) {
      if (!imp.external) {
        if (imp.kind !== "dynamic-import") internal.push(imp.path);
        continue;
      }
      const m = /^@fovea\/([^/]+)(\/.*)?$/.exec(imp.path);
      if (m) {
        if (m[2]) problems.push(`${file}: deep import ${imp.path} (import the package's index)`);
        const allowed = rule.fovea.includes(m[1]) || (imp.kind === "dynamic-import" && (rule.lazy ?? []).includes(m[1]));
        if (!allowed) problems.push(`${file}: ${pkg} may not import @fovea/${m[1]}${imp.kind === "dynamic-import" ? " (even lazily)" : ""}`);
      } else if (imp.path.startsWith("node:") && !rule.node) {
        problems.push(`${file}: ${pkg} must not use Node built-ins (${imp.path})`);
      } else if ((rule.forbidden ?? []).some((f) => imp.path === f || imp.path.startsWith(`${f}/`))) {
        problems.push(`${file}: ${pkg} must not import ${imp.path}`);
      }
    }
    graph.set(file, internal);
  }
  // Depth-first search for cycles among the package's own files.
  const state = new Map();
  const visit = (f, path) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "active") {
      problems.push(`import cycle: ${[...path.slice(path.indexOf(f)), f].map((p) => relative(".", p)).join(" → ")}`);
      return;
    }
    state.set(f, "active");
    for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
    state.set(f, "done");
  };
  for (const f of graph.keys()) visit(f, []);
}

if (problems.length > 0) {
  console.error(`Layering check failed (${problems.length}):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`Layering check: ${Object.keys(RULES).length} packages, dependency direction and no cycles — ok`);
