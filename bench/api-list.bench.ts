/**
 * API latency: listing a dataset of 10,000 images (one page of 100, and one of 1000) through the
 * real server over loopback HTTP, next to a bare Fastify route that returns the same JSON body
 * with no auth, database or mapping. Prints p50/p95 and the ratio; asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { createImageRecord, loadConfig, startServer } from "@fovea/server";
import { fmt, percentile, timeRuns } from "./stats.ts";

const IMAGES = Number(process.env.BENCH_IMAGES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

export async function benchApiList(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-bench-"));
  const server = await startServer(loadConfig({}, { dataDir: dir, port: 0, adminPassword: "bench-password", logLevel: "silent" }));
  const bare = Fastify();
  try {
    const login = await (await fetch(`${server.url}/api/v1/auth/login`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "root", password: "bench-password" }),
    })).json() as { token: string };
    const auth = { authorization: `Bearer ${login.token}` };
    const ds = await (await fetch(`${server.url}/api/v1/datasets`, {
      method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "big" }),
    })).json() as { id: number };

    const t0 = performance.now();
    const template = await createImageRecord(server, { ownerUsername: "root", name: "img-0", datasetId: ds.id, sizeC: 2, physicalSizeX: 0.1, physicalSizeY: 0.1 });
    // Seed the rest straight through the repositories in one transaction: seeding is not measured.
    await server.repos.transaction(async (tx) => {
      const { id: _id, type: _type, permissions: _p, createdAt: _c, updatedAt: _u, ...row } = template;
      for (let i = 1; i < IMAGES; i++) {
        const img = await tx.containers.insertImage({ ...row, name: `img-${i}`, storeKey: null });
        await tx.containers.insertLink("dataset", { parentId: ds.id, childId: img.id, ownerId: template.ownerId, groupId: template.groupId });
      }
    });
    const seedMs = performance.now() - t0;

    const lines = [`api-list: ${IMAGES} images in one dataset (seeded in ${(seedMs / 1000).toFixed(1)} s), ${RUNS} requests each, loopback HTTP`];
    const pages = [100, 1000].map((limit) => ({ limit, url: `${server.url}/api/v1/datasets/${ds.id}/images?limit=${limit}&offset=${IMAGES - limit}`, body: "" }));
    for (const page of pages) {
      page.body = await (await fetch(page.url, { headers: auth })).text();
      const body = page.body;
      bare.get(`/bare/${page.limit}`, async (_req, reply) => reply.type("application/json").send(body));
    }
    await bare.listen({ host: "127.0.0.1", port: 0 });
    const port = (bare.server.address() as { port: number }).port;
    for (const { limit, url, body } of pages) {
      const fovea = await timeRuns(RUNS, 20, async () => (await fetch(url, { headers: auth })).text());
      const reference = await timeRuns(RUNS, 20, async () => (await fetch(`http://127.0.0.1:${port}/bare/${limit}`)).text());
      const [p50, p95, r50, r95] = [percentile(fovea, 50), percentile(fovea, 95), percentile(reference, 50), percentile(reference, 95)];
      lines.push(
        `  page of ${limit} (${(body.length / 1024).toFixed(0)} KiB): fovea p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms | ` +
        `bare fastify p50 ${fmt(r50)} ms, p95 ${fmt(r95)} ms | ratio p50 ${(p50 / r50).toFixed(1)}×, p95 ${(p95 / r95).toFixed(1)}×`,
      );
    }
    return lines;
  } finally {
    await bare.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
