#!/usr/bin/env node
// The installed `fovea` command: loads the bundle that `npm run build` writes (build.mjs).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/fovea.js", import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write("fovea: the CLI is not built yet; run `npm run build` first (in the repository root)\n");
  process.exit(1);
}
await import(bundle.href);
