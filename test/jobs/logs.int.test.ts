/**
 * SPEC §5: "stdout and stderr are captured, streamed to the job's live log, and kept as the job's
 * stdout/stderr files after it ends." A script that writes many small pieces (each its own pipe
 * chunk, so each its own append) must find them all, in order, in its kept logs as soon as the
 * job is reported finished — and the live stream over SSE must carry the same text.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { addScript, collectEvents, eachDialect, getJob, jobLog, launch, startJobServer, waitForLog, type InProcessServer } from "./harness.ts";

const LINES = 300;

eachDialect("job logs are kept complete and in order", (dialect) => {
  let s: InProcessServer;
  let scriptId: number;

  before(async () => {
    s = await startJobServer({ workers: 2, dialect });
    scriptId = (await addScript(s, s.root, "Chatty.ts", `
export default defineScript({
  name: "Chatty",
  params: { Pause_Ms: p.int({ default: 1 }) },
  async run(ctx, { Pause_Ms }) {
    for (let i = 0; i < ${LINES}; i++) {
      process.stdout.write(\`line \${i}\\n\`);
      if (i % 10 === 0) process.stderr.write(\`warn \${i}\\n\`);
      // A pause between writes makes each one its own chunk in the server.
      await new Promise((r) => setTimeout(r, Pause_Ms));
    }
    return { Message: "done" };
  },
});`)).id;
  });

  after(() => s?.close());

  const expectedStdout = Array.from({ length: LINES }, (_, i) => `line ${i}\n`).join("");
  const expectedStderr = Array.from({ length: LINES / 10 }, (_, i) => `warn ${i * 10}\n`).join("");

  test("the kept logs are complete and in order when the final status is reported", async () => {
    const job = await launch(s.root, scriptId);
    // Read the logs the moment the final status arrives on the job's event stream.
    let atEnd: { stdout: string; stderr: string } | undefined;
    const events = await collectEvents(s.root, `/jobs/${job.id}/events`, async (e) => {
      if (e.event === "status" && e.data.status === "succeeded") {
        atEnd = { stdout: await jobLog(s.root, job.id, "stdout"), stderr: await jobLog(s.root, job.id, "stderr") };
      }
    });
    assert.equal((await getJob(s.root, job.id)).status, "succeeded");
    assert.ok(atEnd, "the final status was seen");
    const liveStdout = events.filter((e) => e.event === "log" && e.data.stream === "stdout").map((e) => e.data.text as string).join("");
    // The stream may have started after the first lines; what it carried must be the log's tail, in order.
    assert.ok(expectedStdout.endsWith(liveStdout), "the live log carries the text in order");
    const sorted = (text: string) => text.split("\n").sort().join("\n");
    assert.equal(sorted(atEnd.stdout), sorted(expectedStdout), "stdout is complete when the job is reported finished");
    assert.equal(sorted(atEnd.stderr), sorted(expectedStderr), "stderr is complete when the job is reported finished");
    assert.equal(atEnd.stdout, expectedStdout, "stdout is kept in the order it was written");
    assert.equal(atEnd.stderr, expectedStderr, "stderr is kept in the order it was written");
  });

  test("following a job that is already writing: its event stream gives every line once, in order", async () => {
    const job = await launch(s.root, scriptId, { Pause_Ms: 4 });
    // Join mid-way: what was written before comes from the kept log, the rest live.
    await waitForLog(s.root, job.id, /^line 40$/m);
    const events = await collectEvents(s.root, `/jobs/${job.id}/events`, () => {});
    assert.equal(events[events.length - 1]?.data.status, "succeeded");
    const followed = events.filter((e) => e.event === "log" && e.data.stream === "stdout").map((e) => e.data.text as string).join("");
    const lines = followed.split("\n").filter((l) => l !== "");
    const seen = new Map<string, number>();
    for (const l of lines) seen.set(l, (seen.get(l) ?? 0) + 1);
    const twice = [...seen].filter(([, n]) => n > 1).map(([l]) => l);
    assert.deepEqual(twice, [], "no line is sent twice");
    const missing = expectedStdout.split("\n").filter((l) => l !== "" && !seen.has(l));
    assert.deepEqual(missing, [], "no line is lost");
    assert.equal(followed, expectedStdout, "the followed log is the kept log, in order");
  });
});
