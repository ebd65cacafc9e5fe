/** `fovea server start`: run the embedded server in this process until SIGINT/SIGTERM. */
import type { Command } from "commander";
import type { CliContext } from "../cli-context.ts";
import { UsageError } from "../usage-error.ts";

interface StartOptions {
  data?: string;
  port?: string;
  host?: string;
  workers?: string;
  demo?: boolean;
}

export function registerServerCommands(program: Command, ctx: CliContext): void {
  const server = program.command("server").description("run a Fovea server");
  server
    .command("start")
    .description("start the embedded server (SQLite in the data directory) and print its URL")
    .option("--data <dir>", "data directory (default: FOVEA_DATA_DIR or the server's default)")
    .option("--port <port>", "TCP port, 0 for any free one (default: FOVEA_PORT or 4080)")
    .option("--host <host>", "address to listen on (default: FOVEA_HOST or the server's default)")
    .option("--workers <n>", "jobs run at once (default: number of cores)")
    .option("--demo", "create a demo user with sample data")
    .action(async (opts: StartOptions) => {
      const overrides = startOverrides(opts);
      // Imported here and nowhere else: every other command must start without loading the server,
      // its database driver and its native addons.
      const { loadConfig, startServer } = await import("@fovea/server");
      const running = await startServer(loadConfig(ctx.env, overrides));
      const { generatedAdminPassword, demoCredentials } = running;
      ctx.out.result(
        { url: running.url, ...(generatedAdminPassword ? { generatedAdminPassword } : {}), ...(demoCredentials ? { demoCredentials } : {}) },
        () => {
          const lines = [`Fovea is running at ${running.url}`];
          if (generatedAdminPassword) lines.push(`administrator: root / ${generatedAdminPassword}  (generated; shown only this once)`);
          if (demoCredentials) lines.push(`demo user: ${demoCredentials.username} / ${demoCredentials.password}`);
          lines.push("press Ctrl-C to stop");
          return lines.join("\n");
        },
      );
      await untilSignalled();
      ctx.out.note("stopping…");
      await running.close();
    });
}

/** Only options given on the command line override the environment and the server's defaults. */
function startOverrides(opts: StartOptions): { dataDir?: string; port?: number; host?: string; demo?: boolean; workers?: number } {
  const o: { dataDir?: string; port?: number; host?: string; demo?: boolean; workers?: number } = {};
  if (opts.workers !== undefined) o.workers = positiveInt(opts.workers, "--workers");
  if (opts.data !== undefined) o.dataDir = opts.data;
  if (opts.port !== undefined) {
    const port = Number(opts.port);
    if (!/^\d+$/.test(opts.port) || port > 65535) throw new UsageError(`--port must be 0–65535, got "${opts.port}"`);
    o.port = port;
  }
  if (opts.host !== undefined) o.host = opts.host;
  if (opts.demo) o.demo = true;
  return o;
}

function positiveInt(text: string, option: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) throw new UsageError(`${option} must be a whole number ≥ 1, got "${text}"`);
  return n;
}

/** Resolves on the first SIGINT or SIGTERM; a second one exits at once (a stuck shutdown). */
function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (): void => {
      process.removeListener("SIGINT", onSignal).removeListener("SIGTERM", onSignal);
      process.once("SIGINT", () => process.exit(130)).once("SIGTERM", () => process.exit(143));
      resolve();
    };
    process.on("SIGINT", onSignal).on("SIGTERM", onSignal);
  });
}
