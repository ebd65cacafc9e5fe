import assert from "node:assert/strict";
import { it } from "node:test";
import { forEachDialect } from "../testing/test-dialects.ts";

forEachDialect("SessionRepository", (fx) => {
  const session = (userId: number, tokenHash: string, expiresAt: string) => ({
    tokenHash, userId, groupId: null, kind: "cookie" as const, csrfToken: "csrf", createdAt: "2025-01-01T00:00:00.000Z", expiresAt,
  });

  it("inserts, finds by token hash and switches group", async () => {
    const user = await fx.build.user();
    const group = await fx.build.group();
    const s = await fx.repos.sessions.insert(session(user.id, "h1", "2025-01-02T00:00:00.000Z"));
    assert.deepEqual(s, { id: s.id, ...session(user.id, "h1", "2025-01-02T00:00:00.000Z") });
    assert.deepEqual(await fx.repos.sessions.findByTokenHash("h1"), s);
    assert.equal(await fx.repos.sessions.findByTokenHash("nope"), undefined);
    await fx.repos.sessions.setGroup(s.id, group.id);
    assert.equal((await fx.repos.sessions.findByTokenHash("h1"))?.groupId, group.id);
    await assert.rejects(fx.repos.sessions.setGroup(999, group.id), { code: "NOT_FOUND" });
  });

  it("rejects a duplicate token hash with CONFLICT", async () => {
    const user = await fx.build.user();
    await fx.repos.sessions.insert(session(user.id, "same", "2025-01-02T00:00:00.000Z"));
    await assert.rejects(fx.repos.sessions.insert(session(user.id, "same", "2025-01-02T00:00:00.000Z")), { code: "CONFLICT" });
  });

  it("deletes by id (twice is fine) and deletes the expired ones", async () => {
    const user = await fx.build.user();
    const a = await fx.repos.sessions.insert(session(user.id, "a", "2025-01-01T10:00:00.000Z"));
    await fx.repos.sessions.insert(session(user.id, "b", "2025-01-01T11:00:00.000Z"));
    await fx.repos.sessions.insert(session(user.id, "c", "2025-01-01T12:00:00.000Z"));
    await fx.repos.sessions.insert(session(user.id, "d", "2025-01-01T13:00:00.000Z"));
    await fx.repos.sessions.deleteById(a.id);
    await fx.repos.sessions.deleteById(a.id);
    assert.equal(await fx.repos.sessions.findByTokenHash("a"), undefined);
    assert.equal(await fx.repos.sessions.deleteExpired("2025-01-01T12:00:00.000Z"), 2);
    assert.equal(await fx.repos.sessions.findByTokenHash("c"), undefined);
    assert.ok(await fx.repos.sessions.findByTokenHash("d"));
  });
});
