/**
 * Shape statistics on a real DeltaVision file (toxo.dv): the server's numbers equal sums over the
 * raw plane read back through GET /images/:id/pixels with the §2 rectangle predicate written here.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { expectStatus, type Json } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";
import { dataPath, SKIP_REAL_DATA } from "../pixels/pixel-harness.ts";

forEachDialect("shape statistics on toxo.dv", (ctx) => {
  let token: string;
  let image: Json;

  before(async () => {
    if (SKIP_REAL_DATA) return;
    const g = await ctx.newGroup("toxo-a", "private");
    const u = await ctx.newUser("toxo-alice", { groups: [g.id] });
    token = await ctx.login(u.username, u.password);
    const user = await ctx.server.repos.users.findByUsername(u.username);
    const { actor } = (await ctx.server.services.auth.openSession(user!, g.id, "token")).auth;
    [image] = await ctx.server.services.imports.importFile(actor, { path: dataPath("mrc/toxo.dv"), originals: [] });
  });

  test("a rectangle on the last plane of each channel", { skip: SKIP_REAL_DATA }, async () => {
    const rect = { kind: "Rectangle", x: 10.3, y: 20.6, width: 40.2, height: 25.9 };
    const z = image.sizeZ - 1;
    const t = image.sizeT - 1;
    const rows = expectStatus(await ctx.as(token).post(`/images/${image.id}/shape-stats`, { shapes: [rect], z: [z], t: [t] }), 200, "stats").json.items;
    assert.equal(rows.length, image.sizeC);
    for (const row of rows) {
      const res = await ctx.server.app.inject({ url: `/api/v1/images/${image.id}/pixels?z=${z}&c=${row.c}&t=${t}`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.headers["x-fovea-dtype"], image.pixelType);
      const bytes = new Uint8Array(res.rawPayload);
      const plane = image.pixelType === "uint16" ? new Uint16Array(bytes.buffer) : image.pixelType === "int16" ? new Int16Array(bytes.buffer) : new Float32Array(bytes.buffer);
      const values: number[] = [];
      for (let j = 0; j < image.sizeY; j++) for (let i = 0; i < image.sizeX; i++) {
        const [cx, cy] = [i + 0.5, j + 0.5];
        if (rect.x <= cx && cx < rect.x + rect.width && rect.y <= cy && cy < rect.y + rect.height) values.push(plane[j * image.sizeX + i]!);
      }
      assert.equal(row.count, values.length);
      assert.equal(row.sum, values.reduce((a, b) => a + b, 0));
      assert.equal(row.min, Math.min(...values));
      assert.equal(row.max, Math.max(...values));
    }
  });
});
