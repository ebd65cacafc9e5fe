/** Entry point of the `fovea` binary (bundled to apps/cli/dist/fovea.js by build.mjs). */
import pkg from "../package.json" with { type: "json" };
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}, pkg.version);
