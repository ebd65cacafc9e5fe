// Bundles the CLI (which lazily imports the server) into apps/cli/dist with esbuild.
// Workspace packages (@fovea/*) are compiled in; every npm dependency stays external so that
// native addons (better-sqlite3, argon2) load from node_modules as usual.
import { build } from "esbuild";

const keepExternal = {
  name: "externalize-npm-deps",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@fovea/")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

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
