// Builds what `npm start` and the tests run:
// 1. the CLI (which lazily imports the server) into apps/cli/dist with esbuild. Workspace packages
//    (@fovea/*) are compiled in; every npm dependency stays external so that native addons
//    (better-sqlite3, argon2) load from node_modules as usual;
// 2. the web UI (apps/web) into apps/web/dist with Vite, which the server serves at `/`.
// `node build.mjs cli` or `node build.mjs web` builds one of them.
import { build } from "esbuild";

const only = process.argv[2];

const keepExternal = {
  name: "externalize-npm-deps",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@fovea/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

if (only === undefined || only === "cli") {
  await build({
    entryPoints: { fovea: "apps/cli/src/main.ts" },
    outdir: "apps/cli/dist",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    plugins: [keepExternal],
  });
}

if (only === undefined || only === "web") {
  const { build: viteBuild } = await import("vite");
  await viteBuild({ configFile: "apps/web/vite.config.ts", logLevel: "warn" });
}
