/**
 * Acceptance (SPEC §5): "A job never stays `running` when no worker runs it: a worker that dies or
 * a server that restarts turns it `failed` with the reason ("worker lost"), or back to `queued` if
 * the script is marked re-runnable." The server runs as a child process, is killed with SIGKILL
 * while two jobs run and three wait, and is started again on the same data directory (and the same
 * PostgreSQL schema in the PostgreSQL variant).
 *
 * Job processes are detached (their own process group), so they outlive a SIGKILLed server: the
 * last test checks that they do not keep running after the restart, and the clean-up kills them.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobDto } from "@fovea/model";
import {
  addScript, eachDialect, expectOk, getJob, groupExists, jobLog, killGroupQuietly, launch, newPgSchema, startServerProcess,
  waitForJob, waitForLog, type Http, type PgSchema, type ServerProcess, type TestUser,
} from "./harness.ts";

const SAY_START = 'console.log(`pid ${process.pid}`); console.log(`start job ${ctx.jobId}`);';

eachDialect("a server killed with SIGKILL while jobs run, then restarted", (dialect) => {
  let dataDir: string;
  let pgSchema: PgSchema | undefined;
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;
  let alice: TestUser;
  /** alice's session on the restarted server (sessions live in the database). */
  let api: Http;
  const orphans: number[] = [];
  let stuck: JobDto;
  let rerun: JobDto;
  let waiting: JobDto[];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "fovea-restart-"));
    pgSchema = dialect === "postgres" ? newPgSchema() : undefined;
    first = await startServerProcess(dataDir, { workers: 2, ...(pgSchema && { pg: pgSchema }) });
    const lab = await first.accounts.newGroup("lab", "read-annotate");
    alice = await first.accounts.newUser("alice", { groups: [lab.id] });
  });

  after(async () => {
    for (const pid of orphans) killGroupQuietly(pid);
    for (const server of [first, second]) {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill("SIGTERM");
        await server.exited;
      }
    }
    for (const server of [first, second]) if (server) await rm(server.scriptDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
    await pgSchema?.drop();
  });

  test("killed while 2 jobs run and 3 wait", { timeout: 60_000 }, async () => {
    const server = first!;
    const stuckScript = await addScript(server, server.root, "Stuck.ts", `
export default defineScript({
  name: "Stuck", params: {}, timeoutSeconds: 600,
  async run(ctx) {
    ${SAY_START}
    await new Promise(() => setInterval(() => {}, 1000));
  },
});`);
    const rerunScript = await addScript(server, server.root, "Rerun.ts", `
export default defineScript({
  name: "Rerun", params: {}, rerunnable: true,
  async run(ctx) {
    ${SAY_START}
    await new Promise((r) => setTimeout(r, 3000));
    return { Message: "finished" };
  },
});`);
    assert.equal(rerunScript.rerunnable, true);
    const quick = await addScript(server, server.root, "Quick.ts", `
export default defineScript({ name: "Quick", params: { N: p.int() }, run: (ctx, { N }) => ({ Message: \`quick \${N}\` }) });`);

    // Oldest first: the two slow jobs take both workers, the quick ones wait.
    stuck = await launch(alice.api, stuckScript.id);
    rerun = await launch(alice.api, rerunScript.id);
    waiting = [await launch(alice.api, quick.id, { N: 1 }), await launch(alice.api, quick.id, { N: 2 }), await launch(alice.api, quick.id, { N: 3 })];
    for (const job of [stuck, rerun]) {
      const m = await waitForLog(alice.api, job.id, /^pid (\d+)$/m);
      orphans.push(Number(m[1]));
      assert.equal((await getJob(alice.api, job.id)).status, "running");
    }
    for (const job of waiting) assert.equal((await getJob(alice.api, job.id)).status, "queued");

    server.child.kill("SIGKILL");
    await server.exited;
  });

  test("after the restart no job is left running: failed \"worker lost\", or run again when rerunnable; queued ones finish", { timeout: 90_000 }, async () => {
    second = await startServerProcess(dataDir, { workers: 2, ...(pgSchema && { pg: pgSchema }) });
    api = second.anon.as(alice.token);

    // Recovery happens before the restarted server answers.
    const lost = await getJob(api, stuck.id);
    assert.equal(lost.status, "failed");
    assert.match(lost.error ?? "", /worker lost/);
    assert.ok(lost.finishedAt, "a finish time is recorded");
    const afterRestart = await getJob(api, rerun.id);
    assert.ok(["queued", "running", "succeeded"].includes(afterRestart.status), `the rerunnable job is queued again, not lost: ${afterRestart.status} ${afterRestart.error}`);

    const again = await waitForJob(api, rerun.id, { timeoutMs: 60_000 });
    assert.equal(again.status, "succeeded", String(again.error));
    assert.deepEqual(again.outputs, { Message: "finished" });
    const runs = [...(await jobLog(api, rerun.id, "stdout")).matchAll(/^pid (\d+)$/gm)].map((m) => Number(m[1]));
    assert.equal(runs.length, 2, "the rerunnable job ran twice: before the kill and after the restart");
    orphans.push(runs[1]!);

    for (const [i, job] of waiting.entries()) {
      const done = await waitForJob(api, job.id, { timeoutMs: 60_000 });
      assert.equal(done.status, "succeeded", `queued job ${job.id}: ${done.status} ${done.error}`);
      assert.deepEqual(done.outputs, { Message: `quick ${i + 1}` });
    }
    assert.equal(expectOk(await api.get("/jobs?status=running"), 200, "running jobs").total, 0, "no job stays running");
    assert.equal((await getJob(api, stuck.id)).status, "failed", "the lost job stays failed");
  });

  test("the processes of jobs lost with the killed server do not keep running after the restart", { timeout: 30_000 }, async (t) => {
    assert.ok(second, "the server was restarted");
    const [stuckPid, rerunPid] = orphans;
    // The re-runnable job's first run sleeps 3 s and then dies writing to its dead runner; the
    // stuck one would wait for ever. Allow a few seconds for any clean-up mechanism to act.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (groupExists(stuckPid!) || groupExists(rerunPid!))) await sleep(100);
    t.diagnostic(`stuck job's process group ${stuckPid} ${groupExists(stuckPid!) ? "still alive" : "gone"}; first run of the rerunnable job (${rerunPid}) ${groupExists(rerunPid!) ? "still alive" : "gone"}`);
    assert.equal(groupExists(stuckPid!), false,
      `the process group ${stuckPid} of job ${stuck.id} (failed "worker lost") still runs after the restart: nothing enforces its timeout or stops it any more`);
  });
});
