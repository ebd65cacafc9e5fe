/**
 * Browser sessions (SPEC §1): an HttpOnly SameSite=Strict cookie plus a CSRF token that every
 * state-changing request must present; bearer-token sessions need no CSRF token.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { assertError, expectStatus, type ApiResponse } from "../support/api-client.ts";
import { forEachDialect } from "../support/api-harness.ts";

const COOKIE = "fovea_session";

function sessionCookie(res: ApiResponse) {
  const cookie = res.cookies.find((c) => c.name === COOKIE);
  assert.ok(cookie, `the response sets ${COOKIE}: ${JSON.stringify(res.headers["set-cookie"])}`);
  return cookie;
}

forEachDialect("cookie sessions and CSRF", (ctx) => {
  let groupId = 0;

  before(async () => {
    groupId = (await ctx.newGroup("lab", "read-only")).id;
    await ctx.newUser("carol", { groups: [groupId] });
  });

  async function browserLogin() {
    const res = expectStatus(await ctx.anon.post("/auth/login", { username: "carol", password: "carol-password", session: "cookie" }), 200, "cookie login");
    return { res, cookie: sessionCookie(res).value, csrfToken: res.json.csrfToken as string };
  }

  const carolsProjects = () => ctx.total(`/projects?groupId=${groupId}`);

  test("a browser login sets an HttpOnly SameSite=Strict cookie and returns a CSRF token but no token", async () => {
    const { res, cookie, csrfToken } = await browserLogin();
    const c = sessionCookie(res);
    assert.equal(c.httpOnly, true, "HttpOnly: page scripts cannot read the session");
    assert.equal(c.sameSite, "Strict");
    assert.equal(c.path, "/");
    assert.ok(cookie.length >= 32, "an unguessable session id");
    assert.equal(typeof csrfToken, "string");
    assert.ok(csrfToken.length >= 32);
    assert.notEqual(csrfToken, cookie);
    assert.equal(res.json.token, undefined, "the body must not carry the session token");
    assert.ok(!res.body.includes(cookie), "the session id appears nowhere in the body");
    assert.equal(res.json.user.username, "carol");
  });

  test("a token login sets no cookie and returns no CSRF token", async () => {
    const res = expectStatus(await ctx.anon.post("/auth/login", { username: "carol", password: "carol-password" }), 200, "token login");
    assert.equal(res.cookies.length, 0);
    assert.equal(res.json.csrfToken, undefined);
    assert.equal(typeof res.json.token, "string");
    // Bearer sessions are not exposed to CSRF (browsers never attach them), so they need no header.
    expectStatus(await ctx.as(res.json.token as string).post("/projects", { name: "by token" }), 201, "POST with a bearer token");
  });

  test("GETs with the cookie work without the CSRF token", async () => {
    const { cookie } = await browserLogin();
    const session = expectStatus(await ctx.withCookie(cookie).get("/session"), 200, "GET /session");
    assert.equal(session.json.user.username, "carol");
    expectStatus(await ctx.withCookie(cookie).get("/projects"), 200, "GET /projects");
  });

  test("a state-changing request with the cookie but without a valid X-CSRF-Token is 403 CSRF_FAILED and changes nothing", async () => {
    const { cookie, csrfToken } = await browserLogin();
    const other = await browserLogin(); // a valid token, but of another session
    const before = await carolsProjects();
    assertError(await ctx.withCookie(cookie).post("/projects", { name: "forged" }), 403, "CSRF_FAILED");
    assertError(await ctx.withCookie(cookie, "not-the-token").post("/projects", { name: "forged" }), 403, "CSRF_FAILED");
    assertError(await ctx.withCookie(cookie, other.csrfToken).post("/projects", { name: "forged" }), 403, "CSRF_FAILED");
    assertError(await ctx.withCookie(cookie, csrfToken.slice(0, -1)).post("/projects", { name: "forged" }), 403, "CSRF_FAILED");
    assert.equal(await carolsProjects(), before);

    const project = expectStatus(await ctx.withCookie(cookie, csrfToken).post("/projects", { name: "mine" }), 201, "with the header");
    assertError(await ctx.withCookie(cookie).patch(`/projects/${project.json.id}`, { name: "forged" }), 403, "CSRF_FAILED");
    assertError(await ctx.withCookie(cookie).del(`/projects/${project.json.id}`), 403, "CSRF_FAILED");
    assertError(await ctx.withCookie(cookie).put("/session", { groupId }), 403, "CSRF_FAILED");
    const kept = expectStatus(await ctx.withCookie(cookie).get(`/projects/${project.json.id}`), 200, "still there").json;
    assert.equal(kept.name, "mine");
  });

  test("with the X-CSRF-Token header, writes succeed", async () => {
    const { cookie, csrfToken } = await browserLogin();
    const c = ctx.withCookie(cookie, csrfToken);
    const before = await carolsProjects();
    const created = expectStatus(await c.post("/projects", { name: "via cookie" }), 201, "POST");
    assert.equal(await carolsProjects(), before + 1);
    expectStatus(await c.patch(`/projects/${created.json.id}`, { name: "renamed via cookie" }), 200, "PATCH");
    expectStatus(await c.del(`/projects/${created.json.id}`), 204, "DELETE");
  });

  test("logout needs the CSRF token, clears the cookie and ends the session", async () => {
    const { cookie, csrfToken } = await browserLogin();
    // A forged logout would be a nuisance attack: refused like any other write.
    assertError(await ctx.withCookie(cookie).post("/auth/logout"), 403, "CSRF_FAILED");
    expectStatus(await ctx.withCookie(cookie).get("/session"), 200, "still logged in");

    const res = expectStatus(await ctx.withCookie(cookie, csrfToken).post("/auth/logout"), 204, "logout");
    const cleared = sessionCookie(res);
    assert.equal(cleared.value, "", "the cookie is emptied");
    const expires = cleared.expires instanceof Date ? cleared.expires.getTime() : Number.NaN;
    assert.ok(cleared.maxAge === 0 || expires <= Date.now(), "and expired at once");
    assertError(await ctx.withCookie(cookie).get("/session"), 401, "UNAUTHENTICATED");
    assertError(await ctx.withCookie(cookie, csrfToken).post("/projects", { name: "after logout" }), 401, "UNAUTHENTICATED");
  });
});
