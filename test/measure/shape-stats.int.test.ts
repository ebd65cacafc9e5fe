/**
 * POST /images/:id/shape-stats against expectations computed here by brute force: every pixel of
 * the image is tested with the SCRIPTS.md §2 predicates written inline (not the server's geometry
 * code), and the statistics are summed from the generated raw values.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { assertError, expectStatus, type Json } from "../support/api-client.ts";
import { forEachDialect, type TestUser } from "../support/api-harness.ts";
import { importGenerated, planeOf, UINT16_IMAGE, type GeneratedImage } from "./measure-fixtures.ts";

type Shape = Record<string, unknown> & { kind: string };

/** The §2 pixels of a shape, by testing every pixel of the image. */
function membersOf(s: Shape, W: number, H: number): Set<number> {
  const out = new Set<number>();
  const n = (k: string) => s[k] as number;
  const pts = (s.points ?? []) as [number, number][];
  if (s.kind === "Line" || s.kind === "Polyline" || s.kind === "Point") {
    const path: [number, number][] = s.kind === "Line" ? [[n("x1"), n("y1")], [n("x2"), n("y2")]] : s.kind === "Point" ? [[n("x"), n("y")]] : pts;
    const add = (i: number, j: number) => { if (i >= 0 && j >= 0 && i < W && j < H) out.add(j * W + i); };
    if (path.length === 1) add(Math.floor(path[0]![0]), Math.floor(path[0]![1]));
    for (let k = 1; k < path.length; k++) {
      let [x, y] = [Math.floor(path[k - 1]![0]), Math.floor(path[k - 1]![1])];
      const [x1, y1] = [Math.floor(path[k]![0]), Math.floor(path[k]![1])];
      const dx = Math.abs(x1 - x);
      const dy = -Math.abs(y1 - y);
      let err = dx + dy;
      while (true) {
        add(x, y);
        if (x === x1 && y === y1) break;
        const e2 = 2 * err;
        if (e2 >= dy) { err += dy; x += x < x1 ? 1 : -1; }
        if (e2 <= dx) { err += dx; y += y < y1 ? 1 : -1; }
      }
    }
    return out;
  }
  for (let j = 0; j < H; j++) {
    for (let i = 0; i < W; i++) {
      const cx = i + 0.5;
      const cy = j + 0.5;
      let inside = false;
      if (s.kind === "Rectangle") inside = n("x") <= cx && cx < n("x") + n("width") && n("y") <= cy && cy < n("y") + n("height");
      else if (s.kind === "Ellipse") inside = ((cx - n("x")) / n("radiusX")) ** 2 + ((cy - n("y")) / n("radiusY")) ** 2 <= 1;
      else if (s.kind === "Polygon") {
        for (let a = 0, b = pts.length - 1; a < pts.length; b = a++) {
          const [xa, ya] = pts[a]!;
          const [xb, yb] = pts[b]!;
          if ((ya > cy) !== (yb > cy) && cx < ((xb - xa) * (cy - ya)) / (yb - ya) + xa) inside = !inside;
        }
      }
      if (inside) out.add(j * W + i);
    }
  }
  return out;
}

function expectedStats(img: GeneratedImage, s: Shape, z: number, c: number, t: number) {
  const plane = planeOf(img, z, c, t);
  const values = [...membersOf(s, img.sizeX, img.sizeY)].map((k) => plane[k]!);
  if (values.length === 0) return { count: 0, min: null, max: null, sum: 0, mean: null, std: null };
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { count: values.length, min: Math.min(...values), max: Math.max(...values), sum, mean, std };
}

function assertRow(row: Json, exp: ReturnType<typeof expectedStats>, what: string): void {
  for (const k of ["count", "min", "max", "sum"] as const) assert.equal(row[k], exp[k], `${what}: ${k}`);
  for (const k of ["mean", "std"] as const) {
    if (exp[k] === null) assert.equal(row[k], null, `${what}: ${k}`);
    else assert.ok(Math.abs(row[k] - exp[k]!) <= 1e-9 * Math.max(1, Math.abs(exp[k]!)), `${what}: ${k} ${row[k]} vs ${exp[k]}`);
  }
}

const SHAPES: Shape[] = [
  { kind: "Rectangle", x: 3.2, y: 4.7, width: 10.5, height: 6.1 },
  { kind: "Rectangle", x: -5, y: 20, width: 12, height: 40, z: 1 }, // partly outside, one Z plane
  { kind: "Ellipse", x: 18.3, y: 14.9, radiusX: 7.2, radiusY: 4.1, t: 2 },
  { kind: "Ellipse", x: 36, y: 0, radiusX: 5, radiusY: 5 }, // a corner of the image
  { kind: "Polygon", points: [[2, 2], [30, 5], [12, 27], [20, 3], [5, 25]] }, // self-intersecting
  { kind: "Polygon", points: [[0, 0], [14, 0], [14, 14], [0, 14], [0, 0], [4, 4], [4, 10], [10, 10], [10, 4], [4, 4]] }, // holed
  { kind: "Line", x1: 1.5, y1: 27.2, x2: 35.9, y2: 2.1 },
  { kind: "Line", x1: -10, y1: 5, x2: 50, y2: 9, c: 1 },
  { kind: "Polyline", points: [[2.5, 2.5], [20.5, 10.5], [2.5, 2.5], [30, 28]] },
  { kind: "Point", x: 12.9, y: 7.01 },
  { kind: "Label", x: 5, y: 5, text: "nothing" },
];

forEachDialect("shape statistics", (ctx) => {
  let alice: TestUser;
  let aliceToken: string;
  let bobToken: string;
  let image: Json;
  let other: Json;
  let shapeIds: number[];

  before(async () => {
    const g1 = await ctx.newGroup("stats-a", "private");
    const g2 = await ctx.newGroup("stats-b", "private");
    alice = await ctx.newUser("stats-alice", { groups: [g1.id] });
    const bob = await ctx.newUser("stats-bob", { groups: [g2.id] });
    aliceToken = await ctx.login(alice.username, alice.password);
    bobToken = await ctx.login(bob.username, bob.password);
    image = await importGenerated(ctx, alice.username, UINT16_IMAGE);
    other = await importGenerated(ctx, alice.username, UINT16_IMAGE);
    const roi = expectStatus(await ctx.as(aliceToken).post(`/images/${image.id}/rois`, { shapes: SHAPES }), 201, "ROI").json;
    shapeIds = roi.shapes.map((s: Json) => s.id);
  });

  test("stored shapes on every plane: each row equals a brute-force computation", async () => {
    const res = expectStatus(await ctx.as(aliceToken).post(`/images/${image.id}/shape-stats`, { shapes: shapeIds, z: "all", t: "all" }), 200, "stats");
    const img = UINT16_IMAGE;
    const expected: { index: number; z: number; t: number; c: number }[] = [];
    SHAPES.forEach((s, index) => {
      const ts = s.t === undefined ? [0, 1, 2] : [s.t as number];
      const zs = s.z === undefined ? [0, 1] : [s.z as number];
      for (const t of ts) for (const z of zs) for (const c of [0, 1]) expected.push({ index, z, t, c });
    });
    assert.deepEqual(res.json.items.map((r: Json) => ({ index: r.index, z: r.z, t: r.t, c: r.c })), expected);
    for (const row of res.json.items) {
      assert.equal(row.shapeId, shapeIds[row.index]);
      assertRow(row, expectedStats(img, SHAPES[row.index]!, row.z, row.c, row.t), `${SHAPES[row.index]!.kind}#${row.index} z${row.z} c${row.c} t${row.t}`);
    }
    const label = res.json.items.find((r: Json) => r.index === SHAPES.length - 1);
    assert.deepEqual([label.count, label.min, label.max, label.mean, label.std], [0, null, null, null, null]);
  });

  test("inline shapes, chosen channels and planes; shapeChannelOnly keeps a shape's own channel", async () => {
    const shapes = [SHAPES[0]!, SHAPES[7]!, { kind: "Ellipse", x: 10, y: 10, radiusX: 3, radiusY: 6, c: 0 }];
    const res = expectStatus(await ctx.as(aliceToken).post(`/images/${image.id}/shape-stats`, {
      shapes, channels: [1], z: [1], t: [0, 2], shapeChannelOnly: true,
    }), 200, "stats").json;
    assert.deepEqual(res.items.map((r: Json) => [r.index, r.z, r.t, r.c]), [
      [0, 1, 0, 1], [0, 1, 2, 1], [1, 1, 0, 1], [1, 1, 2, 1], [2, 1, 0, 0], [2, 1, 2, 0],
    ]);
    for (const row of res.items) {
      assert.equal(row.shapeId, undefined);
      assertRow(row, expectedStats(UINT16_IMAGE, shapes[row.index]!, row.z, row.c, row.t), `inline #${row.index}`);
    }
  });

  test("bad indices and shapes are refused with 400 naming the field", async () => {
    const as = ctx.as(aliceToken);
    const post = (body: unknown) => as.post(`/images/${image.id}/shape-stats`, body);
    assertError(await post({ shapes: shapeIds, z: [0, 2] }), 400, "VALIDATION_FAILED", ["body.z[1]"]);
    assertError(await post({ shapes: shapeIds, t: [3] }), 400, "VALIDATION_FAILED", ["body.t[0]"]);
    assertError(await post({ shapes: shapeIds, channels: [0, 2] }), 400, "VALIDATION_FAILED", ["body.channels[1]"]);
    assertError(await post({ shapes: shapeIds, channels: [-1] }), 400, "VALIDATION_FAILED", ["body.channels[0]"]);
    assertError(await post({ shapes: [] }), 400, "VALIDATION_FAILED", ["body.shapes"]);
    assertError(await post({ shapes: [{ kind: "Rectangle", x: 1, y: "a", width: 1, height: 1 }] }), 400, "SHAPE_INVALID", ["body.shapes[0].y"]);
    assertError(await post({ shapes: [{ kind: "Point", x: 1, y: 1, z: 2 }] }), 400, "SHAPE_INVALID", ["body.shapes[0].z"]);
    const onOther = expectStatus(await as.post(`/images/${other.id}/rois`, { shapes: [{ kind: "Point", x: 1, y: 1 }] }), 201, "ROI").json;
    assertError(await post({ shapes: [shapeIds[0], onOther.shapes[0].id] }), 400, "SHAPE_INVALID", ["body.shapes[1]"]);
    assertError(await post({ shapes: [999_999] }), 404, "NOT_FOUND");
  });

  test("only users who can read the image measure it", async () => {
    assertError(await ctx.as(bobToken).post(`/images/${image.id}/shape-stats`, { shapes: [SHAPES[0]] }), 404, "NOT_FOUND");
    assertError(await ctx.anon.post(`/images/${image.id}/shape-stats`, { shapes: [SHAPES[0]] }), 401, "UNAUTHENTICATED");
  });
});
