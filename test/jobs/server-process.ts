/**
 * A Fovea server as a child process, for tests that must kill it (SIGKILL while jobs run) and
 * start it again on the same data directory. Takes its settings as one JSON argument, listens on
 * a free port and prints `listening URL` once ready. SIGTERM closes it cleanly.
 */
import { loadConfig, startServer } from "@fovea/server";

interface Settings {
  dataDir: string;
  workers: number;
  allowUserScripts: boolean;
  adminPassword: string;
  databaseUrl?: string;
  databaseSchema?: string;
}

const settings = JSON.parse(process.argv[2] ?? "{}") as Settings;
const server = await startServer(loadConfig(process.env, {
  dataDir: settings.dataDir, port: 0, host: "127.0.0.1", adminPassword: settings.adminPassword, logLevel: "silent",
  workers: settings.workers, allowUserScripts: settings.allowUserScripts, databaseUrl: settings.databaseUrl,
}), settings.databaseSchema !== undefined ? { databaseSchema: settings.databaseSchema } : {});
process.stdout.write(`listening ${server.url}\n`);
process.once("SIGTERM", () => {
  void server.close().then(() => process.exit(0));
});
