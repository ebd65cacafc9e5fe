/**
 * Acceptance (SPEC §5 "Queue"): 100 jobs launched at once by 4 users, each in its own group, on
 * a server running 2 at a time. Every job reaches `succeeded`, none is lost, none runs twice:
 * each script reports its own job id (outputs) and prints one start line (its kept stdout log is
 * exactly that line, so a second run would show), and no more than `workers` jobs are ever seen
 * running at once.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobDto } from "@fovea/model";
import { addScript, eachDialect, expectOk, jobLog, launch, startJobServer, type InProcessServer, type TestUser } from "./harness.ts";

const USERS = 4;
const JOBS_PER_USER = 25;
const WORKERS = 2;

eachDialect("100 jobs from 4 users at once", (dialect) => {
  let s: InProcessServer;
  const users: { user: TestUser; groupId: number }[] = [];
  let scriptId: number;

  before(async () => {
    s = await startJobServer({ workers: WORKERS, dialect });
    for (let i = 0; i < USERS; i++) {
      const group = await s.accounts.newGroup(`group-${i}`, "private");
      users.push({ user: await s.accounts.newUser(`user${i}`, { groups: [group.id] }), groupId: group.id });
    }
    scriptId = (await addScript(s, s.root, "Count_Me.ts", `
export default defineScript({
  name: "Count Me", params: { Seq: p.int({ min: 0 }) },
  run(ctx, { Seq }) {
    console.log(\`start job \${ctx.jobId}\`);
    return { Job_Id: ctx.jobId, Seq };
  },
});`)).id;
  });

  after(() => s?.close());

  test("all succeed, each exactly once, never more than `workers` at a time", { timeout: 180_000 }, async (t) => {
    const started = performance.now();
    const launched = await Promise.all(users.flatMap(({ user }) =>
      Array.from({ length: JOBS_PER_USER }, (_, seq) => launch(user.api, scriptId, { Seq: seq }))));
    assert.equal(new Set(launched.map((j) => j.id)).size, USERS * JOBS_PER_USER, "100 distinct jobs were created");

    let maxRunning = 0;
    let final: JobDto[][] = [];
    const deadline = Date.now() + 170_000;
    for (;;) {
      final = await Promise.all(users.map(async ({ user }) => expectOk(await user.api.get("/jobs?limit=100"), 200, "list jobs").items as JobDto[]));
      const all = final.flat();
      maxRunning = Math.max(maxRunning, all.filter((j) => j.status === "running").length);
      if (all.every((j) => j.status !== "queued" && j.status !== "running")) break;
      assert.ok(Date.now() < deadline, `still unfinished: ${all.filter((j) => j.status === "queued" || j.status === "running").length}`);
      await sleep(100);
    }
    t.diagnostic(`100 jobs done in ${((performance.now() - started) / 1000).toFixed(1)} s; at most ${maxRunning} seen running at once`);
    assert.ok(maxRunning <= WORKERS, `never more than ${WORKERS} running at once (saw ${maxRunning})`);

    const ids = new Set<number>();
    for (const [i, jobs] of final.entries()) {
      const { user, groupId } = users[i]!;
      assert.equal(jobs.length, JOBS_PER_USER, `${user.username} has exactly its ${JOBS_PER_USER} jobs`);
      assert.deepEqual(jobs.map((j) => j.inputs.Seq).sort((a, b) => Number(a) - Number(b)), Array.from({ length: JOBS_PER_USER }, (_, k) => k));
      for (const j of jobs) {
        assert.equal(j.status, "succeeded", `job ${j.id}: ${j.status} ${j.error}`);
        assert.equal(j.ownerId, user.id);
        assert.equal(j.groupId, groupId);
        assert.deepEqual(j.outputs, { Job_Id: j.id, Seq: j.inputs.Seq }, "the job ran with its own id and inputs");
        ids.add(j.id);
      }
    }
    assert.equal(ids.size, USERS * JOBS_PER_USER, "100 distinct jobs succeeded");
    assert.deepEqual([...ids].sort((a, b) => a - b), launched.map((j) => j.id).sort((a, b) => a - b), "exactly the launched jobs");

    // One run each: a job's kept stdout holds its single start line (a second run would append another).
    const logs = await Promise.all(final.flatMap((jobs, i) => jobs.map(async (j) => [j.id, await jobLog(users[i]!.user.api, j.id, "stdout")] as const)));
    for (const [id, log] of logs) assert.equal(log, `start job ${id}\n`, `job ${id} ran exactly once`);
  });
});
