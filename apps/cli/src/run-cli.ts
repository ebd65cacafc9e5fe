/** Runs one `fovea …` invocation and turns its outcome into output and an exit code. */
import { CommanderError } from "commander";
import { isFoveaError } from "@fovea/model";
import { CliContext, type CliIo } from "./cli-context.ts";
import { ConfigStore, configDirFromEnv } from "./config-store.ts";
import { buildProgram } from "./program.ts";
import { EXIT_FAILURE, EXIT_USAGE, UsageError, isUsageError } from "./usage-error.ts";

/** Returns the process exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo, version: string): Promise<number> {
  const ctx = new CliContext(io, new ConfigStore(configDirFromEnv(io.env)));
  const program = buildProgram(ctx, version);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return reportCommanderError(ctx, err, argv);
    const needsLogin = isFoveaError(err, "UNAUTHENTICATED") || isFoveaError(err, "SESSION_EXPIRED");
    ctx.out.error(err, needsLogin ? await ctx.loginHint() : undefined);
    return isUsageError(err) ? EXIT_USAGE : EXIT_FAILURE;
  }
}

function reportCommanderError(ctx: CliContext, err: CommanderError, argv: readonly string[]): number {
  if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
  // `fovea` or `fovea obj` alone: the help was printed, and no command ran.
  if (err.code === "commander.help" || err.code === "commander.executeSubCommandAsync") return EXIT_USAGE;
  // The parse failed before any action ran, so --json is looked for in the raw arguments.
  ctx.out.json = argv.includes("--json");
  ctx.out.error(new UsageError(err.message.replace(/^error: /, "")), "see `fovea --help` or `fovea COMMAND --help`");
  return EXIT_USAGE;
}
