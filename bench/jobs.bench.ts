/**
 * Job latency and throughput (issues: Scripts and jobs; Python scripts): a trivial job from launch
 * to `succeeded` (p50/p95 over 50 runs, one at a time), in TypeScript next to `node -e 0` and in
 * Python next to `python3 -c 0` (the interpreter the runner resolves, so pyenv's shim is not
 * counted) and to the same interpreter starting the way the runner starts it and importing the
 * SDK; then 200 trivial TypeScript jobs launched at once (jobs per second with the server's
 * default concurrency).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPythonSdk } from "@fovea/runner";
import { loadConfig, startServer } from "@fovea/server";
import { fmt, percentile } from "./stats.ts";

const TRIVIAL = `import { defineScript, p } from "@fovea/sdk";
export default defineScript({ name: "Trivial", params: { N: p.int({ default: 1 }) }, run: (ctx, { N }) => ({ Message: "ok " + N }) });
`;

const TRIVIAL_PY = `from fovea_sdk import define_script, p
define_script(name="Trivial Python", params=[p.int("N", default=1)], run=lambda ctx, inputs: {"Message": "ok %d" % inputs["N"]})
`;

type Launch = () => Promise<number>;

/** p50 of a command run `runs` times (ms). */
function bareP50(file: string, args: readonly string[], runs = 20): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    execFileSync(file, [...args], { stdio: "ignore" });
    times.push(performance.now() - t0);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

export async function benchJobs(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-jobs-"));
  const server = await startServer(loadConfig({}, { dataDir: dir, port: 0, host: "127.0.0.1", adminPassword: "bench-password", logLevel: "silent" }));
  const lines: string[] = [];
  try {
    const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "bench-password" }),
    })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const upload = async (fileName: string, source: string): Promise<number> => {
      const form = new FormData();
      form.append("official", "true");
      form.append("file", new Blob([source]), fileName);
      const res = await fetch(`${server.url}/api/v1/scripts`, { method: "POST", headers: auth, body: form });
      if (!res.ok) throw new Error(`upload ${fileName}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: number }).id;
    };
    const launcher = (scriptId: number): Launch => async () => {
      const res = await fetch(`${server.url}/api/v1/scripts/${scriptId}/launch`, {
        method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ inputs: {} }),
      });
      return ((await res.json()) as { id: number }).id;
    };
    // Finished jobs are noticed through the job's event stream, as `fovea script launch --wait` does.
    const waitFor = async (id: number): Promise<string> => {
      const res = await fetch(`${server.url}/api/v1/jobs/${id}/events`, { headers: auth });
      await res.text(); // the server ends the stream after the final status
      return ((await (await fetch(`${server.url}/api/v1/jobs/${id}`, { headers: auth })).json()) as { status: string }).status;
    };
    const latencies = async (launch: Launch): Promise<[number, number]> => {
      const times: number[] = [];
      for (let i = 0; i < 55; i++) {
        const t0 = performance.now();
        const status = await waitFor(await launch());
        if (status !== "succeeded") throw new Error(`trivial job ${status}`);
        if (i >= 5) times.push(performance.now() - t0); // first runs warm the caches
      }
      times.sort((a, b) => a - b);
      return [percentile(times, 50), percentile(times, 95)];
    };

    const launchTs = launcher(await upload("Trivial.ts", TRIVIAL));
    const [p50, p95] = await latencies(launchTs);
    const b50 = bareP50(process.execPath, ["-e", "0"]);
    lines.push(`jobs: trivial TS job, launch → succeeded over HTTP: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms | node -e 0: p50 ${fmt(b50)} ms | ratio p50 ${(p50 / b50).toFixed(2)}× (target ≤ 2×)`);

    const python = execFileSync("python3", ["-I", "-c", "import sys; sys.stdout.write(sys.executable)"], { encoding: "utf8" }).trim();
    const version = execFileSync(python, ["-I", "-c", "import sys; sys.stdout.write('%d.%d.%d' % sys.version_info[:3])"], { encoding: "utf8" });
    const [py50, py95] = await latencies(launcher(await upload("Trivial_Python.py", TRIVIAL_PY)));
    const pyBare = bareP50(python, ["-c", "0"]);
    const sdkDir = findPythonSdk();
    const pySdk = sdkDir ? bareP50(python, ["-I", "-B", "-X", "utf8", "-c", "import sys; sys.path.insert(0, sys.argv[1]); import fovea_sdk.launch", sdkDir]) : NaN;
    lines.push(`jobs: trivial Python job, launch → succeeded over HTTP: p50 ${fmt(py50)} ms, p95 ${fmt(py95)} ms | python3 -c 0: p50 ${fmt(pyBare)} ms | ratio p50 ${(py50 / pyBare).toFixed(2)}×`);
    lines.push(`  Python ${version} (${python}): -I -B -X utf8 + import fovea_sdk.launch: p50 ${fmt(pySdk)} ms | Python job − TS job: p50 ${fmt(py50 - p50)} ms`);

    const t0 = performance.now();
    const ids = await Promise.all(Array.from({ length: 200 }, () => launchTs()));
    const statuses = await Promise.all(ids.map(waitFor));
    const seconds = (performance.now() - t0) / 1000;
    const ok = statuses.filter((s) => s === "succeeded").length;
    lines.push(`  200 trivial TS jobs at once (embedded queue, default workers): ${fmt(200 / seconds)} jobs/s, ${ok}/200 succeeded in ${seconds.toFixed(1)} s`);
    return lines;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
