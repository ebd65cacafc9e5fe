/**
 * Job latency and throughput (issue: Scripts and jobs): a trivial job from launch to `succeeded`
 * (p50/p95 over 50 runs, one at a time) next to `node -e 0` on the same machine, then 200 trivial
 * jobs launched at once (jobs per second with the server's default concurrency).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, startServer } from "@fovea/server";
import { fmt, percentile } from "./stats.ts";

const TRIVIAL = `import { defineScript, p } from "@fovea/sdk";
export default defineScript({ name: "Trivial", params: { N: p.int({ default: 1 }) }, run: (ctx, { N }) => ({ Message: "ok " + N }) });
`;

export async function benchJobs(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-jobs-"));
  const server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "bench-password", logLevel: "silent" }));
  const lines: string[] = [];
  try {
    const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "bench-password" }),
    })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const form = new FormData();
    form.append("official", "true");
    form.append("file", new Blob([TRIVIAL]), "Trivial.ts");
    const script = await (await fetch(`${server.url}/api/v1/scripts`, { method: "POST", headers: auth, body: form })).json() as { id: number };

    // Finished jobs are noticed through the job's event stream, as `fovea script launch --wait` does.
    const launch = async (): Promise<number> => {
      const res = await fetch(`${server.url}/api/v1/scripts/${script.id}/launch`, {
        method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ inputs: {} }),
      });
      return ((await res.json()) as { id: number }).id;
    };
    const waitFor = async (id: number): Promise<string> => {
      const res = await fetch(`${server.url}/api/v1/jobs/${id}/events`, { headers: auth });
      await res.text(); // the server ends the stream after the final status
      return ((await (await fetch(`${server.url}/api/v1/jobs/${id}`, { headers: auth })).json()) as { status: string }).status;
    };

    const latencies: number[] = [];
    for (let i = 0; i < 55; i++) {
      const t0 = performance.now();
      const status = await waitFor(await launch());
      if (status !== "succeeded") throw new Error(`trivial job ${status}`);
      if (i >= 5) latencies.push(performance.now() - t0); // first runs warm the caches
    }
    latencies.sort((a, b) => a - b);
    const bare: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      execFileSync(process.execPath, ["-e", "0"]);
      bare.push(performance.now() - t0);
    }
    bare.sort((a, b) => a - b);
    const [p50, p95, b50] = [percentile(latencies, 50), percentile(latencies, 95), percentile(bare, 50)];
    lines.push(`jobs: trivial TS job, launch → succeeded over HTTP: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms | node -e 0: p50 ${fmt(b50)} ms | ratio p50 ${(p50 / b50).toFixed(2)}× (target ≤ 2×)`);

    const t0 = performance.now();
    const ids = await Promise.all(Array.from({ length: 200 }, () => launch()));
    const statuses = await Promise.all(ids.map(waitFor));
    const seconds = (performance.now() - t0) / 1000;
    const ok = statuses.filter((s) => s === "succeeded").length;
    lines.push(`  200 trivial jobs at once (embedded queue, default workers): ${fmt(200 / seconds)} jobs/s, ${ok}/200 succeeded in ${seconds.toFixed(1)} s`);
    return lines;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
