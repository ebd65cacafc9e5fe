/**
 * POST /images/:id/path-samples against an independent computation: positions at unit arc length
 * along the path and across it on the normal (−uy, ux), and bilinear interpolation between pixel
 * centres (i + 0.5, j + 0.5) of the generated raw values, border neighbours clamped, 0 outside.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { assertError, expectStatus, type Json } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";
import { FLOAT_IMAGE, importGenerated, planeOf } from "./measure-fixtures.ts";

type Pt = [number, number];

function expectedSamples(points: Pt[], W: number, c: number, t: number): number[][] {
  const img = FLOAT_IMAGE;
  const plane = planeOf(img, 0, c, t);
  const segs: { a: Pt; u: Pt; from: number; len: number }[] = [];
  let L = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len > 0) segs.push({ a, u: [(b[0] - a[0]) / len, (b[1] - a[1]) / len], from: L, len });
    L += len;
  }
  const N = Math.floor(L) + 1;
  const px = (i: number, j: number) => plane[Math.min(img.sizeY - 1, Math.max(0, j)) * img.sizeX + Math.min(img.sizeX - 1, Math.max(0, i))]!;
  return Array.from({ length: W }, (_, k) => Array.from({ length: N }, (_, s) => {
    const seg = [...segs].reverse().find((g) => s >= g.from) ?? segs[0]!;
    const off = k - (W - 1) / 2;
    const x = seg.a[0] + seg.u[0] * (s - seg.from) - seg.u[1] * off;
    const y = seg.a[1] + seg.u[1] * (s - seg.from) + seg.u[0] * off;
    if (x < 0 || y < 0 || x >= img.sizeX || y >= img.sizeY) return 0;
    const i0 = Math.floor(x - 0.5);
    const j0 = Math.floor(y - 0.5);
    const fx = x - 0.5 - i0;
    const fy = y - 0.5 - j0;
    return px(i0, j0) * (1 - fx) * (1 - fy) + px(i0 + 1, j0) * fx * (1 - fy) + px(i0, j0 + 1) * (1 - fx) * fy + px(i0 + 1, j0 + 1) * fx * fy;
  }));
}

function assertClose(actual: number[][], expected: number[][], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: rows`);
  expected.forEach((row, k) => {
    assert.equal(actual[k]!.length, row.length, `${what}: samples`);
    row.forEach((v, s) => assert.ok(Math.abs(actual[k]![s]! - v) <= 1e-9 * Math.max(1, Math.abs(v)), `${what}: [${k}][${s}] ${actual[k]![s]} vs ${v}`));
  });
}

forEachDialect("path samples", (ctx) => {
  let token: string;
  let image: Json;

  before(async () => {
    const g = await ctx.newGroup("path-a", "private");
    const u = await ctx.newUser("path-alice", { groups: [g.id] });
    token = await ctx.login(u.username, u.password);
    image = await importGenerated(ctx, u.username, FLOAT_IMAGE);
  });

  const PATHS: { points: Pt[]; width: number }[] = [
    { points: [[0.5, 2.5], [20.5, 2.5]], width: 1 },
    { points: [[2.3, 1.7], [27.9, 19.4]], width: 4 },
    { points: [[3, 20], [15.5, 3.25], [29, 12], [29, 12], [5, 5]], width: 3 },
    { points: [[-6, 10], [40, 12]], width: 5 }, // starts and ends outside the image
  ];

  test("JSON samples equal an independent bilinear computation, for each time point", async () => {
    for (const { points, width } of PATHS) {
      const res = expectStatus(await ctx.as(token).post(`/images/${image.id}/path-samples`, { points, width, c: 1, t: [2, 0] }), 200, "samples").json;
      assert.deepEqual(res.t, [2, 0]);
      assert.equal(res.width, width);
      assert.equal(res.samples.length, 2);
      for (const [i, t] of [2, 0].entries()) {
        const exp = expectedSamples(points, width, 1, t);
        assert.equal(res.length, exp[0]!.length);
        assertClose(res.samples[i], exp, `path ${JSON.stringify(points)} t${t}`);
      }
    }
  });

  test("binary samples: float64 little-endian, shape T,W,N in the headers", async () => {
    const { points, width } = PATHS[1]!;
    const res = await ctx.as(token).request("POST", `/images/${image.id}/path-samples`, { body: { points, width, c: 0, t: [1], format: "binary" } });
    assert.equal(res.status, 200);
    assert.equal(res.headers["x-fovea-dtype"], "float64");
    const exp = expectedSamples(points, width, 0, 1);
    assert.equal(res.headers["x-fovea-shape"], `1,${width},${exp[0]!.length}`);
    const raw = await ctx.server.app.inject({
      method: "POST", url: `/api/v1/images/${image.id}/path-samples`, headers: { authorization: `Bearer ${token}` },
      payload: { points, width, c: 0, t: [1], format: "binary" },
    });
    const values = new Float64Array(new Uint8Array(raw.rawPayload).buffer);
    const rows = Array.from({ length: width }, (_, k) => Array.from(values.subarray(k * exp[0]!.length, (k + 1) * exp[0]!.length)));
    assertClose(rows, exp, "binary");
  });

  test("bad indices and degenerate paths give 400 naming the field", async () => {
    const post = (body: unknown) => ctx.as(token).post(`/images/${image.id}/path-samples`, body);
    const base = { points: [[1, 1], [10, 10]], width: 2, c: 0, t: [0] };
    assertError(await post({ ...base, c: 2 }), 400, "VALIDATION_FAILED", ["body.c"]);
    assertError(await post({ ...base, z: 1 }), 400, "VALIDATION_FAILED", ["body.z"]);
    assertError(await post({ ...base, t: [0, 3] }), 400, "VALIDATION_FAILED", ["body.t[1]"]);
    assertError(await post({ ...base, width: 0 }), 400, "VALIDATION_FAILED", ["body.width"]);
    assertError(await post({ ...base, points: [[1, 1]] }), 400, "VALIDATION_FAILED", ["body.points"]);
    assertError(await post({ ...base, points: [[1, 1], [1, 1]] }), 400, "VALIDATION_FAILED", ["body.points"]);
  });
});
