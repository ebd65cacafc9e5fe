/** The `fovea` command tree: global options plus one registration call per command group. */
import { Command } from "commander";
import type { CliContext } from "./cli-context.ts";
import { registerDownloadCommand } from "./commands/download.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerImportCommand } from "./commands/import.ts";
import { registerJobCommands } from "./commands/job.ts";
import { registerScriptCommands } from "./commands/script.ts";
import { registerGroupCommands } from "./commands/group.ts";
import { registerLsCommand } from "./commands/ls.ts";
import { registerObjCommands } from "./commands/obj.ts";
import { registerRoiCommands } from "./commands/roi.ts";
import { registerServerCommands } from "./commands/server.ts";
import { registerSessionCommands } from "./commands/session.ts";
import { registerUserCommands } from "./commands/user.ts";

export function buildProgram(ctx: CliContext, version: string): Command {
  const program = new Command("fovea")
    .description("Fovea: a microscopy image-data server whose heart is server-side scripts")
    .version(version)
    // Declared once here; commander also accepts them after the subcommand (`fovea ls --json`).
    .option("--json", "print one machine-readable JSON document")
    .option("-s, --server <url>", "server URL (default: FOVEA_SERVER, else the logged-in server, else http://localhost:4080)")
    // Set before any subcommand is added: commander copies both settings into each new subcommand.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      // Parse errors are reported by run-cli, which also knows about --json.
      outputError: () => undefined,
    })
    .hook("preAction", (_program, action) => ctx.configure(action.optsWithGlobals()));

  registerServerCommands(program, ctx);
  registerSessionCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerGroupCommands(program, ctx);
  registerObjCommands(program, ctx);
  registerLsCommand(program, ctx);
  registerRoiCommands(program, ctx);
  registerImportCommand(program, ctx);
  registerDownloadCommand(program, ctx);
  registerExportCommand(program, ctx);
  registerScriptCommands(program, ctx);
  registerJobCommands(program, ctx);
  return program;
}
