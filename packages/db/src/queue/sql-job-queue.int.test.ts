/** The SQL queue against the shared JobQueue conformance suite, on each dialect. */
import { runJobQueueConformance } from "@fovea/jobs/testing";
import { systemClock } from "../repositories/clock.ts";
import { DialectFixture, PG_SKIP_REASON } from "../testing/test-dialects.ts";
import { SqlJobQueue } from "./sql-job-queue.ts";

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" && !process.env.FOVEA_TEST_PG_URL ? PG_SKIP_REASON : undefined;
  runJobQueueConformance(`SqlJobQueue (${dialect})`, async () => {
    const fx = new DialectFixture(dialect);
    await fx.open();
    const owner = await fx.build.user();
    const group = await fx.build.group();
    return {
      // Leases run on real time here: the suite waits for short ones to run out.
      queue: new SqlJobQueue({ db: fx.handle.db, dialect, clock: systemClock }),
      async insertQueuedJob() {
        const job = await fx.repos.jobs.insert({
          scriptId: 1, scriptName: "Hello_World", scriptSha256: "0".repeat(64), ownerId: owner.id, groupId: group.id, inputs: {},
        });
        return job.id;
      },
      async setStatus(id, status) {
        await fx.handle.db.updateTable("jobs").set({ status }).where("id", "=", id).execute();
      },
      cleanup: () => fx.close(),
    };
  }, { skip });
}
