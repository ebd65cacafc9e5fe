import { test } from "node:test";
import { addScript, launch, startJobServer, waitForJob, jobLog } from "./harness.ts";
test("probe", async (t) => {
  let t0 = Date.now();
  const s = await startJobServer({ workers: 2 });
  t.diagnostic(`start ${Date.now() - t0}`); t0 = Date.now();
  const sc = await addScript(s, s.root, "Trivial.ts", `export default defineScript({ name: "Trivial", params: {}, run(ctx) { console.log("start " + ctx.jobId); return { Job_Id: ctx.jobId }; } });`);
  t.diagnostic(`upload ${Date.now() - t0}`); t0 = Date.now();
  const jobs = await Promise.all(Array.from({ length: 20 }, () => launch(s.root, sc.id)));
  t.diagnostic(`launch ${Date.now() - t0}`);
  for (const j of jobs) await waitForJob(s.root, j.id);
  t.diagnostic(`20 jobs ${Date.now() - t0}`);
  const j = await waitForJob(s.root, jobs[0]!.id);
  t.diagnostic(JSON.stringify(j));
  t.diagnostic(await jobLog(s.root, j.id, "stdout"));
  await s.close();
});
