/**
 * The embedded job system (SPEC §5, one machine): the Node script runner, the SQL job queue in the
 * metadata database, and a Dispatcher running up to `workers` jobs at once as child processes of
 * this server. On start, jobs left running or leased by a previous process are recovered at once
 * (failed as "worker lost", or requeued when re-runnable): in embedded mode this server is the only
 * worker, so a job it did not start itself has no runner.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Clock, Repositories, ScriptRunner, ScriptSettings, Services } from "@fovea/core";
import { SqlJobQueue, type DatabaseHandle } from "@fovea/db";
import { Dispatcher } from "@fovea/jobs";
import { createNodeRunner } from "@fovea/runner";
import type { ServerConfig } from "./config.ts";

export interface JobSystem {
  readonly runner: ScriptRunner;
  readonly settings: ScriptSettings;
  readonly wake: () => void;
  /** Recovers orphaned jobs and starts dispatching (once the server's URL is known). */
  start(services: Services, repos: Repositories, serverUrl: string, onError: (err: unknown) => void): Promise<void>;
  stop(): Promise<void>;
}

export function createJobSystem(config: ServerConfig, database: DatabaseHandle, clock: Clock): JobSystem {
  const runner = createNodeRunner({ workRoot: join(config.dataDir, "jobs") });
  let url = "";
  let dispatcher: Dispatcher | undefined;
  const settings: ScriptSettings = {
    allowUserScripts: config.allowUserScripts,
    defaultTimeoutSeconds: config.jobDefaultTimeoutSeconds,
    maxTimeoutSeconds: config.jobMaxTimeoutSeconds,
    defaultMemoryMb: config.jobDefaultMemoryMb,
    maxMemoryMb: config.jobMaxMemoryMb,
    serverUrl: () => url,
  };
  return {
    runner,
    settings,
    wake: () => dispatcher?.wake(),
    async start(services, repos, serverUrl, onError) {
      url = serverUrl;
      for (const status of ["running", "queued"] as const) {
        for (;;) {
          const page = await repos.jobs.list({ status }, { limit: 500, offset: 0 });
          const orphans = page.items.filter((j) => status === "running" || j.workerId !== null);
          for (const j of orphans) await services.jobs.recoverAtStart(j.id);
          if (orphans.length < 500) break;
        }
      }
      dispatcher = new Dispatcher({
        queue: new SqlJobQueue({ db: database.db, dialect: database.dialect, clock }),
        execute: (jobId, signal) => services.jobs.execute(jobId, signal),
        recover: (jobId) => services.jobs.recover(jobId),
        concurrency: config.workers,
        workerId: `embedded-${randomUUID()}`,
        clock,
        onError,
      });
      dispatcher.start();
    },
    async stop() {
      await dispatcher?.stop({ graceful: false });
    },
  };
}
