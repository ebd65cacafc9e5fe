/**
 * Bad input through the HTTP API: each case must get a clear error in the SPEC §6 envelope
 * `{ error: { code, message, details? } }` with the right status, AND change nothing (checked by
 * listing or counting afterwards).
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { assertError, expectStatus, type ApiClient, type Json } from "../support/api-client.ts";
import { forEachDialect, MAX_UPLOAD_BYTES, type ApiContext } from "../support/api-harness.ts";
import { multipartBody } from "../support/multipart.ts";

/** Every file under the file store, temp files included (they would betray a half-kept upload). */
async function storedFiles(ctx: ApiContext): Promise<string[]> {
  const entries = await readdir(join(ctx.dataDir, "files"), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

forEachDialect("bad input", (ctx) => {
  let lab = 0;
  let lab2 = 0;
  let alice: ApiClient;
  let aliceToken = "";
  let bobToken = "";
  let image: Json;

  before(async () => {
    lab = (await ctx.newGroup("lab", "read-only")).id;
    lab2 = (await ctx.newGroup("lab2", "read-write")).id;
    const other = (await ctx.newGroup("other", "private")).id;
    const a = await ctx.newUser("alice", { groups: [lab, lab2] });
    const b = await ctx.newUser("bob", { groups: [other] });
    aliceToken = await ctx.login(a.username, a.password);
    alice = ctx.as(aliceToken);
    bobToken = await ctx.login(b.username, b.password);
    image = await ctx.newImage("alice", { groupId: lab, sizeZ: 3, sizeT: 2, sizeC: 2 });
  });

  const projectCount = () => ctx.total("/projects");

  describe("request bodies", () => {
    test("malformed JSON is 400 MALFORMED_JSON and creates nothing", async () => {
      const before = await projectCount();
      assertError(await alice.request("POST", "/projects", { raw: '{"name": "half' }), 400, "MALFORMED_JSON");
      assertError(await alice.request("POST", "/projects", { raw: "" }), 400, "MALFORMED_JSON");
      assertError(await alice.request("POST", "/projects", { raw: "{'name': 'single quotes'}" }), 400, "MALFORMED_JSON");
      assert.equal(await projectCount(), before);
    });

    test("unknown fields are 400 VALIDATION_FAILED naming each of them", async () => {
      const before = await projectCount();
      assertError(await alice.post("/projects", { name: "p", colour: "red" }), 400, "VALIDATION_FAILED", ["body.colour"]);
      assertError(await alice.post("/projects", { name: "p", colour: "red", size: 3 }), 400, "VALIDATION_FAILED", ["body.colour", "body.size"]);
      assertError(await alice.post("/annotations", { kind: "tag", value: "t", colour: "red" }), 400, "VALIDATION_FAILED", ["body.colour"]);
      assertError(await ctx.anon.post("/auth/login", { username: "alice", password: "alice-password", remember: true }), 400, "VALIDATION_FAILED", ["body.remember"]);
      assert.equal(await projectCount(), before);
      assert.equal(await ctx.total("/annotations?kind=tag"), 0);
    });

    test("details name only the fields that are wrong, also for bodies with several forms (annotations)", async () => {
      // A tag with a stray field: `kind` and `value` are right and must not be reported.
      const err = assertError(await alice.post("/annotations", { kind: "tag", value: "t", colour: "red" }), 400, "VALIDATION_FAILED");
      assert.deepEqual((err.details as { field: string }[]).map((d) => d.field), ["body.colour"]);
    });

    test("wrong types are 400 VALIDATION_FAILED naming the field, and change nothing", async () => {
      const before = await projectCount();
      assertError(await alice.post("/projects", { name: 42 }), 400, "VALIDATION_FAILED", ["body.name"]);
      assertError(await alice.post("/projects", { name: "p", description: ["a"] }), 400, "VALIDATION_FAILED", ["body.description"]);
      assertError(await alice.post("/projects", { name: "p", groupId: "lab" }), 400, "VALIDATION_FAILED", ["body.groupId"]);
      assertError(await alice.post("/projects", ["name", "p"]), 400, "VALIDATION_FAILED");
      assert.equal(await projectCount(), before);
      const p = await ctx.newProject(aliceToken, "typed", lab);
      assertError(await alice.patch(`/projects/${p.id}`, { name: true }), 400, "VALIDATION_FAILED", ["body.name"]);
      assertError(await alice.put("/session", { groupId: "lab2" }), 400, "VALIDATION_FAILED", ["body.groupId"]);
      assert.equal((await alice.get(`/projects/${p.id}`)).json.name, "typed");
      assert.equal((await alice.get("/session")).json.groupId, lab);
    });

    test("names over 255 characters and empty names are refused; 255 is accepted", async () => {
      const before = await projectCount();
      for (const path of ["/projects", "/datasets"]) {
        assertError(await alice.post(path, { name: "x".repeat(256) }), 400, "VALIDATION_FAILED", ["body.name"]);
        assertError(await alice.post(path, { name: "" }), 400, "VALIDATION_FAILED", ["body.name"]);
      }
      assertError(await alice.post("/annotations", { kind: "tag", value: "" }), 400, "VALIDATION_FAILED", ["body.value"]);
      assert.equal(await projectCount(), before);
      const p = expectStatus(await alice.post("/projects", { name: "y".repeat(255) }), 201, "a 255-character name").json;
      assertError(await alice.patch(`/projects/${p.id}`, { name: "z".repeat(256) }), 400, "VALIDATION_FAILED", ["body.name"]);
      assertError(await alice.patch(`/projects/${p.id}`, { name: "" }), 400, "VALIDATION_FAILED", ["body.name"]);
      const roi = expectStatus(await alice.post(`/images/${image.id}/rois`, { name: "short", shapes: [{ kind: "Point", x: 1, y: 1 }] }), 201, "ROI").json;
      assertError(await alice.patch(`/rois/${roi.id}`, { name: "r".repeat(256) }), 400, "VALIDATION_FAILED", ["body.name"]);
      assertError(await alice.post(`/images/${image.id}/rois`, { name: "r".repeat(256), shapes: [{ kind: "Point", x: 1, y: 1 }] }), 400, "SHAPE_INVALID", ["body.name"]);
      assert.equal((await alice.get(`/projects/${p.id}`)).json.name, "y".repeat(255));
      assert.equal((await alice.get(`/rois/${roi.id}`)).json.name, "short");
      expectStatus(await alice.del(`/rois/${roi.id}`), 204, "clean up");
    });

    test("a JSON body over the body limit is 413 PAYLOAD_TOO_LARGE and creates nothing", async () => {
      const before = await projectCount();
      const huge = JSON.stringify({ name: "big", description: "d".repeat(9 * 1024 * 1024) });
      assertError(await alice.request("POST", "/projects", { raw: huge }), 413, "PAYLOAD_TOO_LARGE");
      assert.equal(await projectCount(), before);
    });
  });

  describe("ids", () => {
    test("an id that does not exist and one that is not visible get the same 404 NOT_FOUND", async () => {
      const bob = ctx.as(bobToken);
      const hidden = {
        project: (await ctx.newProject(bobToken, "bob's secret")).id as number,
        dataset: (await ctx.newDataset(bobToken, "bob's secret")).id as number,
        image: (await ctx.newImage("bob", { name: "bob's secret" })).id as number,
      };
      const roi = expectStatus(await bob.post(`/images/${hidden.image}/rois`, { name: "bob's secret", shapes: [{ kind: "Point", x: 1, y: 1 }] }), 201, "ROI").json.id as number;
      const tag = expectStatus(await bob.post("/annotations", { kind: "tag", value: "bob's secret" }), 201, "tag").json.id as number;
      const cases: [string, number, Json][] = [
        ["/projects", hidden.project, { name: "pwned" }], ["/datasets", hidden.dataset, { name: "pwned" }],
        ["/images", hidden.image, { name: "pwned" }], ["/rois", roi, { name: "pwned" }], ["/annotations", tag, { value: "pwned" }],
      ];
      for (const [path, id, patch] of cases) {
        const missing = id + 1_000_000;
        for (const method of ["GET", "PATCH", "DELETE"] as const) {
          const body = method === "PATCH" ? { body: patch } : {};
          const invisible = assertError(await alice.request(method, `${path}/${id}`, body), 404, "NOT_FOUND");
          const absent = assertError(await alice.request(method, `${path}/${missing}`, body), 404, "NOT_FOUND");
          assert.deepEqual(invisible, { ...absent, message: absent.message.replace(String(missing), String(id)) }, `${method} ${path}: no hint that ${id} exists`);
        }
        const still = expectStatus(await bob.get(`${path}/${id}`), 200, `${path}/${id} survives`).json;
        assert.equal(still.name ?? still.value, "bob's secret");
      }
      // Links and children of invisible parents are just as absent.
      assertError(await alice.get(`/projects/${hidden.project}/datasets`), 404, "NOT_FOUND");
      assertError(await alice.get(`/images/${hidden.image}/rois`), 404, "NOT_FOUND");
      assertError(await alice.post(`/images/${hidden.image}/rois`, { shapes: [{ kind: "Point", x: 1, y: 1 }] }), 404, "NOT_FOUND");
      assert.equal(await ctx.total(`/images/${hidden.image}/rois`, bobToken), 1);
    });

    test("ids in paths that are not positive whole numbers are 400, never another object", async () => {
      // A visible project whose id a lax parser could reach from "<id>.5" or "true".
      const p = expectStatus(await alice.post("/projects", { name: "target" }), 201, "project").json;
      const bad = ["abc", `${p.id}.5`, `${p.id}abc`, "true", "0", "-1", "99999999999999999999"];
      for (const id of bad) {
        assertError(await alice.get(`/projects/${id}`), 400, "VALIDATION_FAILED", ["params.id"]);
        assertError(await alice.patch(`/projects/${id}`, { name: "renamed" }), 400, "VALIDATION_FAILED", ["params.id"]);
        assertError(await alice.del(`/projects/${id}`), 400, "VALIDATION_FAILED", ["params.id"]);
      }
      assert.equal(expectStatus(await alice.get(`/projects/${p.id}`), 200, "still there").json.name, "target");
    });

    test("numbers in query strings that are not whole are 400", async () => {
      assertError(await alice.get("/projects?limit=abc"), 400, "VALIDATION_FAILED", ["querystring.limit"]);
      assertError(await alice.get("/projects?limit=2.5"), 400, "VALIDATION_FAILED", ["querystring.limit"]);
      assertError(await alice.get("/projects?nonsense=1"), 400, "VALIDATION_FAILED", ["querystring.nonsense"]);
    });

    test("links across groups are 403 LINK_FORBIDDEN and make no link", async () => {
      const project = await ctx.newProject(aliceToken, "in lab", lab);
      const dataset = await ctx.newDataset(aliceToken, "in lab2", lab2);
      assertError(await alice.post(`/projects/${project.id}/datasets`, { datasetId: dataset.id }), 403, "LINK_FORBIDDEN");
      assertError(await alice.post(`/datasets/${dataset.id}/images`, { imageId: image.id }), 403, "LINK_FORBIDDEN");
      assert.equal(await ctx.total(`/projects/${project.id}/datasets`), 0);
      assert.equal(await ctx.total(`/datasets/${dataset.id}/images`), 0);
    });
  });

  describe("uploads", () => {
    const upload = (bytes: number, name: string) => multipartBody(
      [["groupId", String(lab)], ["link", `Image:${image.id}`]],
      [{ field: "file", filename: name, contentType: "application/octet-stream", data: Buffer.alloc(bytes, 7) }],
    );

    test("an upload over maxUploadBytes is 413 and leaves no row and no file", async () => {
      const filesBefore = await storedFiles(ctx);
      for (const bytes of [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES * 4]) {
        const { body, contentType } = upload(bytes, "too-big.bin");
        assertError(await alice.request("POST", "/annotations/files", { raw: body, contentType }), 413, "PAYLOAD_TOO_LARGE");
      }
      assert.equal(await ctx.total("/annotations?kind=file"), 0, "no annotation row");
      assert.equal(await ctx.total(`/images/${image.id}/annotations`), 0, "no link");
      assert.deepEqual(await storedFiles(ctx), filesBefore, "no file left in <dataDir>/files");
    });

    test("an upload of exactly maxUploadBytes is stored (the limit is inclusive)", async () => {
      const { body, contentType } = upload(MAX_UPLOAD_BYTES, "just-fits.bin");
      const res = expectStatus(await alice.request("POST", "/annotations/files", { raw: body, contentType }), 201, "upload");
      assert.equal(res.json.file.size, MAX_UPLOAD_BYTES);
      assert.equal((await storedFiles(ctx)).length, 1);
      expectStatus(await alice.del(`/annotations/${res.json.id}`), 204, "clean up");
      assert.deepEqual(await storedFiles(ctx), [], "deleting the annotation deletes its bytes");
    });
  });

  describe("authentication", () => {
    test("an expired session is 401 SESSION_EXPIRED, and stays refused", async () => {
      const token = await ctx.login("alice", "alice-password");
      const before = await projectCount();
      const start = ctx.clock.now();
      // Inside this window only `token` may be used: any session presented while expired is removed.
      try {
        ctx.clock.advance(ctx.config.sessionTtlHours * 3_600_000 - 1_000);
        expectStatus(await ctx.as(token).get("/session"), 200, "just before expiry");
        ctx.clock.advance(2_000);
        assertError(await ctx.as(token).post("/projects", { name: "late" }), 401, "SESSION_EXPIRED");
      } finally {
        ctx.clock.set(start); // the suite's other sessions must not expire with it
      }
      // Expired sessions are removed, so turning the clock back does not revive the token.
      assertError(await ctx.as(token).get("/session"), 401, "UNAUTHENTICATED");
      assert.equal(await projectCount(), before, "an expired session creates nothing");
    });

    test("a garbage bearer token, a malformed Authorization header and no credentials are 401 UNAUTHENTICATED", async () => {
      const before = await projectCount();
      assertError(await ctx.as("garbage").get("/projects"), 401, "UNAUTHENTICATED");
      assertError(await ctx.as("garbage").post("/projects", { name: "x" }), 401, "UNAUTHENTICATED");
      assertError(await ctx.anon.request("GET", "/projects", { headers: { authorization: "Basic YWxpY2U6cHc=" } }), 401, "UNAUTHENTICATED");
      for (const path of ["/projects", "/session", "/users", "/annotations"]) assertError(await ctx.anon.get(path), 401, "UNAUTHENTICATED");
      assertError(await ctx.anon.post("/projects", { name: "x" }), 401, "UNAUTHENTICATED");
      assert.equal(await projectCount(), before);
      expectStatus(await ctx.anon.get("/health"), 200, "public routes need no session");
    });

    test("the 6th bad password within the window is 429 RATE_LIMITED with Retry-After", async () => {
      const rita = await ctx.newUser("rita");
      for (let i = 0; i < 5; i++) assertError(await ctx.anon.post("/auth/login", { username: "rita", password: `wrong-${i}` }), 401, "BAD_CREDENTIALS");
      const limited = await ctx.anon.post("/auth/login", { username: "rita", password: "wrong-6" });
      assertError(limited, 429, "RATE_LIMITED");
      const retry = Number(limited.headers["retry-after"]);
      assert.ok(Number.isInteger(retry) && retry > 0 && retry <= 15 * 60, `Retry-After is whole seconds: ${String(limited.headers["retry-after"])}`);
      // While limited, even the right password is refused; other users are not affected.
      assertError(await ctx.anon.post("/auth/login", { username: "rita", password: rita.password }), 429, "RATE_LIMITED");
      expectStatus(await ctx.anon.post("/auth/login", { username: "alice", password: "alice-password" }), 200, "alice logs in");
      // An unknown user gets the same answer as a wrong password: no hint who exists.
      assertError(await ctx.anon.post("/auth/login", { username: "nobody", password: "whatever" }), 401, "BAD_CREDENTIALS");
      ctx.clock.advance(retry * 1000 + 1000);
      expectStatus(await ctx.anon.post("/auth/login", { username: "rita", password: rita.password }), 200, "after the window");
    });

    test("an unknown route is 404 NOT_FOUND in the envelope", async () => {
      assertError(await alice.get("/no-such-thing"), 404, "NOT_FOUND");
    });
  });

  describe("ROI shapes", () => {
    const roiCount = () => ctx.total(`/images/${image.id}/rois`);

    const cases: [string, Json, string[]][] = [
      ["a polygon without points", { shapes: [{ kind: "Polygon" }] }, ["body.shapes[0].points"]],
      ["a polygon with an empty points list", { shapes: [{ kind: "Polygon", points: [] }] }, ["body.shapes[0].points"]],
      ["a 1-point polygon", { shapes: [{ kind: "Polygon", points: [[1, 2]] }] }, ["body.shapes[0].points"]],
      ["a 1-point polyline", { shapes: [{ kind: "Polyline", points: [[1, 2]] }] }, ["body.shapes[0].points"]],
      ["a negative width", { shapes: [{ kind: "Rectangle", x: 1, y: 1, width: -4, height: 2 }] }, ["body.shapes[0].width"]],
      ["a negative radius", { shapes: [{ kind: "Ellipse", x: 1, y: 1, radiusX: -1, radiusY: 2 }] }, ["body.shapes[0].radiusX"]],
      ["an unknown kind", { shapes: [{ kind: "Circle", x: 1, y: 1, radius: 3 }] }, ["body.shapes[0].kind"]],
      ["z beyond sizeZ", { shapes: [{ kind: "Point", x: 1, y: 1, z: 3 }] }, ["body.shapes[0].z"]],
      ["t beyond sizeT and c beyond sizeC", { shapes: [{ kind: "Point", x: 1, y: 1, t: 2, c: 5 }] }, ["body.shapes[0].t", "body.shapes[0].c"]],
      ["a string coordinate", { shapes: [{ kind: "Point", x: "1", y: 1 }] }, ["body.shapes[0].x"]],
      ["no shapes at all", { shapes: [] }, ["body.shapes"]],
      ["two bad shapes", { shapes: [{ kind: "Rectangle", x: 0, y: 0, width: -1, height: 1 }, { kind: "Point", x: 1, y: 1 }, { kind: "Polygon", points: [[0, 0]] }] }, ["body.shapes[0].width", "body.shapes[2].points"]],
    ];
    for (const [name, body, fields] of cases) {
      test(`${name} is 400 SHAPE_INVALID naming ${fields.join(", ")}, and no ROI is created`, async () => {
        const before = await roiCount();
        assertError(await alice.post(`/images/${image.id}/rois`, body), 400, "SHAPE_INVALID", fields);
        assert.equal(await roiCount(), before);
      });
    }

    test("1e999 coordinates (infinite once parsed) are 400 SHAPE_INVALID, and no ROI is created", async () => {
      const before = await roiCount();
      const raw = '{"shapes":[{"kind":"Line","x1":1e999,"y1":0,"x2":10,"y2":-1e999}]}';
      assertError(await alice.request("POST", `/images/${image.id}/rois`, { raw }), 400, "SHAPE_INVALID", ["body.shapes[0].x1", "body.shapes[0].y2"]);
      assert.equal(await roiCount(), before);
    });

    const edits: [string, (roiId: number, shapeId: number) => ["POST" | "PUT", string, Json], string][] = [
      ["adding a 1-point polygon", (roiId) => ["POST", `/rois/${roiId}/shapes`, { shapes: [{ kind: "Polygon", points: [[1, 1]] }] }], "body.shapes[0].points"],
      ["adding a shape of unknown kind", (roiId) => ["POST", `/rois/${roiId}/shapes`, { shapes: [{ kind: "Circle", x: 1, y: 1 }] }], "body.shapes[0].kind"],
      ["replacing with a negative width", (_, shapeId) => ["PUT", `/shapes/${shapeId}`, { kind: "Rectangle", x: 0, y: 0, width: -1, height: 2 }], "body.width"],
      ["replacing with z beyond sizeZ", (_, shapeId) => ["PUT", `/shapes/${shapeId}`, { kind: "Point", x: 0, y: 0, z: 99 }], "body.z"],
      ["replacing with an unknown kind", (_, shapeId) => ["PUT", `/shapes/${shapeId}`, { kind: "Circle", x: 0, y: 0 }], "body.kind"],
    ];
    for (const [name, request, field] of edits) {
      test(`${name} is 400 SHAPE_INVALID naming ${field}, and the ROI is unchanged`, async () => {
        const roi = expectStatus(await alice.post(`/images/${image.id}/rois`, { shapes: [{ kind: "Point", x: 5, y: 6 }] }), 201, "ROI").json;
        const shapeId = roi.shapes[0].id as number;
        const [method, path, body] = request(roi.id as number, shapeId);
        assertError(await alice.request(method, path, { body }), 400, "SHAPE_INVALID", [field]);
        const after = expectStatus(await alice.get(`/rois/${roi.id}`), 200, "ROI").json;
        assert.deepEqual(after.shapes.map((s: Json) => [s.id, s.kind, s.x, s.y, s.z]), [[shapeId, "Point", 5, 6, null]]);
      });
    }
  });

});
