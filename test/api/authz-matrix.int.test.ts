/**
 * The authorization matrix, through the HTTP API: for every group level, every kind of actor and
 * every kind of object, each action's outcome must be what SPEC §1 and the access policy's doc
 * comment (packages/core/src/access/access-policy.ts) say. The expected table is written out below
 * as data from those documents, not computed by the code under test.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { GROUP_PERMISSIONS, type GroupPermissions } from "@fovea/model";
import { assertError, expectStatus, outcomeOf, type ApiClient, type ApiResponse, type Json } from "../support/api-client.ts";
import { forEachDialect, type TestUser } from "../support/api-harness.ts";

type Action = "read" | "annotate" | "link" | "edit" | "delete";
type Role = "owner" | "member" | "groupOwner" | "admin" | "outsider";

const ALL: readonly Action[] = ["read", "annotate", "link", "edit", "delete"];

/**
 * Who may do what with an object that `owner` (A) made in a group of each level. SPEC §1 and the
 * policy's comment: owners and administrators everything; a group owner (OMERO's PI) everything but
 * annotate in a private group; members by level; non-members nothing (the object does not exist
 * for them: 404).
 */
const RIGHTS: Record<GroupPermissions, Record<Role, readonly Action[]>> = {
  private: { owner: ALL, admin: ALL, groupOwner: ["read", "link", "edit", "delete"], member: [], outsider: [] },
  "read-only": { owner: ALL, admin: ALL, groupOwner: ALL, member: ["read"], outsider: [] },
  "read-annotate": { owner: ALL, admin: ALL, groupOwner: ALL, member: ["read", "annotate"], outsider: [] },
  "read-write": { owner: ALL, admin: ALL, groupOwner: ALL, member: ALL, outsider: [] },
};

const ROLES: readonly Role[] = ["owner", "member", "groupOwner", "admin", "outsider"];

/** The HTTP outcome the rules predict: invisible → 404, visible but refused → 403, else success. */
function expectedOutcome(level: GroupPermissions, role: Role, action: Action, success: number): string {
  const rights = RIGHTS[level][role];
  if (!rights.includes("read")) return "404 NOT_FOUND";
  if (!rights.includes(action)) return action === "link" ? "403 LINK_FORBIDDEN" : "403 FORBIDDEN";
  return String(success);
}

/** The permissions block a readable object's DTO should carry for this actor. */
function expectedPermissions(level: GroupPermissions, role: Role): string {
  const r = RIGHTS[level][role];
  return `canEdit=${r.includes("edit")} canDelete=${r.includes("delete")} canAnnotate=${r.includes("annotate")} canLink=${r.includes("link")}`;
}

function permissionsOf(dto: Json): string {
  const p = dto.permissions;
  return `canEdit=${p.canEdit} canDelete=${p.canDelete} canAnnotate=${p.canAnnotate} canLink=${p.canLink}`;
}

interface Actor {
  readonly role: Role;
  readonly user: TestUser;
  token: string;
}

/** A's objects in one group: project ⊃ dataset ⊃ image, an ROI on the image, a tag on the image. */
interface Fixture {
  readonly level: GroupPermissions;
  readonly groupId: number;
  readonly project: Json;
  readonly dataset: Json;
  readonly image: Json;
  readonly roi: Json;
  readonly tag: Json;
}

/** One row of the matrix: an action on one kind of object, run by an actor, and its success status. */
interface Probe {
  readonly name: string;
  readonly action: Action;
  readonly success: number;
  /** Returns the outcome (see outcomeOf) and checks that a refusal changed nothing. */
  run(actor: Actor, fx: Fixture): Promise<string>;
}

forEachDialect("authorization matrix", (ctx) => {
  const actors = new Map<Role, Actor>();
  const fixtures = new Map<GroupPermissions, Fixture>();
  let elsewhereId = 0;
  const actor = (role: Role): Actor => actors.get(role)!;
  const client = (role: Role): ApiClient => ctx.as(actor(role).token);
  const a = (): ApiClient => client("owner");
  const admin = (): ApiClient => client("admin");

  before(async () => {
    const groups = await Promise.all(GROUP_PERMISSIONS.map((level) => ctx.newGroup(`lab-${level}`, level)));
    elsewhereId = (await ctx.newGroup("elsewhere", "read-write")).id;
    const ids = groups.map((g) => g.id);
    const users: Record<Role, TestUser> = {
      owner: await ctx.newUser("alice", { groups: ids }),
      member: await ctx.newUser("bob", { groups: ids }),
      groupOwner: await ctx.newUser("olga"),
      admin: await ctx.newUser("adam", { admin: true }),
      outsider: await ctx.newUser("xavier", { groups: [elsewhereId] }),
    };
    for (const id of ids) await ctx.addMember(id, users.groupOwner.id, true);
    for (const role of ROLES) actors.set(role, { role, user: users[role], token: await ctx.login(users[role].username, users[role].password) });
    for (const g of groups) fixtures.set(g.permissions, await buildFixture(g.permissions, g.id));
  });

  async function buildFixture(level: GroupPermissions, groupId: number): Promise<Fixture> {
    const project = await ctx.newProject(actor("owner").token, `P ${level}`, groupId);
    const dataset = await ctx.newDataset(actor("owner").token, `D ${level}`, groupId);
    expectStatus(await a().post(`/projects/${project.id}/datasets`, { datasetId: dataset.id }), 201, "link D into P");
    const image = await ctx.newImage("alice", { groupId, datasetId: dataset.id, name: `I ${level}`, sizeZ: 2 });
    const roi = expectStatus(await a().post(`/images/${image.id}/rois`, { name: `R ${level}`, shapes: [{ kind: "Point", x: 1, y: 2 }] }), 201, "ROI").json;
    const tag = expectStatus(await a().post("/annotations", {
      kind: "tag", value: `T ${level}`, namespace: `matrix/${level}`, links: [{ type: "Image", id: image.id }],
    }), 201, "tag").json;
    return { level, groupId, project, dataset, image, roi, tag };
  }

  /** A's fresh objects for the delete probes, so one actor's delete cannot mask another's. */
  async function freshObject(kind: "project" | "dataset" | "image" | "roi" | "annotation", fx: Fixture): Promise<{ path: string }> {
    const token = actor("owner").token;
    switch (kind) {
      case "project": return { path: `/projects/${(await ctx.newProject(token, "doomed", fx.groupId)).id}` };
      case "dataset": return { path: `/datasets/${(await ctx.newDataset(token, "doomed", fx.groupId)).id}` };
      case "image": return { path: `/images/${(await ctx.newImage("alice", { groupId: fx.groupId })).id}` };
      case "roi": {
        const res = expectStatus(await a().post(`/images/${fx.image.id}/rois`, { shapes: [{ kind: "Point", x: 3, y: 3 }] }), 201, "fresh ROI");
        return { path: `/rois/${res.json.id}` };
      }
      case "annotation": {
        const res = expectStatus(await a().post("/annotations", { kind: "tag", value: "doomed", groupId: fx.groupId }), 201, "fresh tag");
        return { path: `/annotations/${res.json.id}` };
      }
    }
  }

  /** The actor's own project, dataset and image where it may create them (outsiders: their own group). */
  const owned = new Map<string, { project: Json; dataset: Json; image: Json }>();
  async function ownObjects(who: Actor, fx: Fixture) {
    const key = `${who.role}/${fx.level}`;
    const known = owned.get(key);
    if (known) return known;
    const groupId = who.role === "outsider" ? elsewhereId : fx.groupId;
    const made = {
      project: await ctx.newProject(who.token, `own P of ${who.role}`, groupId),
      dataset: await ctx.newDataset(who.token, `own D of ${who.role}`, groupId),
      image: await ctx.newImage(who.user.username, { groupId }),
    };
    owned.set(key, made);
    return made;
  }

  // ---- read: GET the object, and find it (or not) in a list whose total counts only what is visible.

  /** `list` is filtered to A's objects of the fixture's group, so its total is 1 or 0. */
  function readProbe(name: string, get: (fx: Fixture) => string, list: (fx: Fixture) => string, idOf: (fx: Fixture) => number): Probe {
    return {
      name, action: "read", success: 200,
      async run(who, fx) {
        const res = await ctx.as(who.token).get(get(fx));
        const perms = res.status === 200 ? ` ${permissionsOf(res.json)}` : "";
        const listed = await ctx.as(who.token).get(list(fx));
        // A list under an invisible parent is itself invisible: 404, which lists nothing.
        const items: Json[] = listed.status === 200 ? listed.json.items : [];
        const total: number = listed.status === 200 ? listed.json.total : 0;
        if (listed.status !== 200) assertError(listed, 404, "NOT_FOUND");
        assert.equal(total, items.length, `${name}: total counts only visible rows`);
        const inList = items.some((i: Json) => i.id === idOf(fx));
        return `${outcomeOf(res)}${perms} listed=${inList} total=${total}`;
      },
    };
  }

  const readProbes: Probe[] = [
    readProbe("project", (fx) => `/projects/${fx.project.id}`, (fx) => `/projects?groupId=${fx.groupId}&ownerId=${actor("owner").user.id}`, (fx) => fx.project.id),
    readProbe("dataset", (fx) => `/datasets/${fx.dataset.id}`, (fx) => `/datasets?groupId=${fx.groupId}&ownerId=${actor("owner").user.id}`, (fx) => fx.dataset.id),
    readProbe("image", (fx) => `/images/${fx.image.id}`, (fx) => `/images?groupId=${fx.groupId}&ownerId=${actor("owner").user.id}`, (fx) => fx.image.id),
    readProbe("roi", (fx) => `/rois/${fx.roi.id}`, (fx) => `/images/${fx.image.id}/rois`, (fx) => fx.roi.id),
    readProbe("annotation", (fx) => `/annotations/${fx.tag.id}`, (fx) => `/annotations?kind=tag&namespace=${encodeURIComponent(`matrix/${fx.level}`)}`, (fx) => fx.tag.id),
  ];

  function expectedRead(level: GroupPermissions, role: Role): string {
    const visible = RIGHTS[level][role].includes("read");
    return visible ? `200 ${expectedPermissions(level, role)} listed=true total=1` : "404 NOT_FOUND listed=false total=0";
  }

  // ---- annotate: tag each kind of object; draw an ROI on the image; reuse A's tag on A's project.

  function tagProbe(type: "Project" | "Dataset" | "Image" | "Roi", idOf: (fx: Fixture) => number): Probe {
    return {
      name: `tag ${type}`, action: "annotate", success: 201,
      async run(who, fx) {
        const namespace = `annotate/${fx.level}/${who.role}/${type}`;
        const res = await ctx.as(who.token).post("/annotations", { kind: "tag", value: "mine", namespace, links: [{ type, id: idOf(fx) }] });
        const created = await ctx.total(`/annotations?namespace=${encodeURIComponent(namespace)}`, actor("admin").token);
        assert.equal(created, res.status === 201 ? 1 : 0, `tag ${type} by ${who.role}: a refusal creates nothing`);
        if (res.status === 201) assert.equal(res.json.groupId, fx.groupId, "the annotation lives in its target's group");
        return outcomeOf(res);
      },
    };
  }

  const annotateProbes: Probe[] = [
    tagProbe("Project", (fx) => fx.project.id),
    tagProbe("Dataset", (fx) => fx.dataset.id),
    tagProbe("Image", (fx) => fx.image.id),
    tagProbe("Roi", (fx) => fx.roi.id),
    {
      name: "draw ROI on image", action: "annotate", success: 201,
      async run(who, fx) {
        const before = await ctx.total(`/images/${fx.image.id}/rois`, actor("admin").token);
        const res = await ctx.as(who.token).post(`/images/${fx.image.id}/rois`, { name: `by ${who.role}`, shapes: [{ kind: "Rectangle", x: 1, y: 1, width: 4, height: 4, z: 1 }] });
        const after = await ctx.total(`/images/${fx.image.id}/rois`, actor("admin").token);
        assert.equal(after - before, res.status === 201 ? 1 : 0, `ROI by ${who.role}: a refusal creates nothing`);
        return outcomeOf(res);
      },
    },
    {
      // Reusing a tag: read on the annotation plus annotate on the target (same owner and group here).
      name: "reuse A's tag on A's project", action: "annotate", success: 201,
      async run(who, fx) {
        const res = await ctx.as(who.token).post(`/projects/${fx.project.id}/annotations`, { annotationId: fx.tag.id });
        const linked = await admin().get(`/projects/${fx.project.id}/annotations`);
        const isLinked = (linked.json.items as Json[]).some((i) => i.id === fx.tag.id);
        assert.equal(isLinked, res.status === 201, `reuse by ${who.role}: linked only on success`);
        // Undo it (as its creator may), so that the next actor does not meet a 409.
        if (res.status === 201) expectStatus(await ctx.as(who.token).del(`/projects/${fx.project.id}/annotations/${fx.tag.id}`), 204, "unlink");
        return outcomeOf(res);
      },
    },
  ];

  // ---- link: the actor's own container and A's, both ways round (ROIs and annotations have no container links).

  function linkProbe(name: string, target: (fx: Fixture, own: { project: Json; dataset: Json; image: Json }) => { parent: string; id: number; body: Json; children: string }): Probe {
    return {
      name, action: "link", success: 201,
      async run(who, fx) {
        const t = target(fx, await ownObjects(who, fx));
        const res = await ctx.as(who.token).post(t.parent, t.body);
        const children = expectStatus(await admin().get(t.children), 200, "children").json.items as Json[];
        assert.equal(children.some((c) => c.id === t.id), res.status === 201, `${name} by ${who.role}: linked only on success`);
        return outcomeOf(res);
      },
    };
  }

  const linkProbes: Probe[] = [
    linkProbe("own dataset into A's project", (fx, own) => ({ parent: `/projects/${fx.project.id}/datasets`, id: own.dataset.id, body: { datasetId: own.dataset.id }, children: `/projects/${fx.project.id}/datasets` })),
    linkProbe("A's dataset into own project", (fx, own) => ({ parent: `/projects/${own.project.id}/datasets`, id: fx.dataset.id, body: { datasetId: fx.dataset.id }, children: `/projects/${own.project.id}/datasets` })),
    linkProbe("A's image into own dataset", (fx, own) => ({ parent: `/datasets/${own.dataset.id}/images`, id: fx.image.id, body: { imageId: fx.image.id }, children: `/datasets/${own.dataset.id}/images` })),
    linkProbe("own image into A's dataset", (fx, own) => ({ parent: `/datasets/${fx.dataset.id}/images`, id: own.image.id, body: { imageId: own.image.id }, children: `/datasets/${fx.dataset.id}/images` })),
  ];

  // ---- edit: PATCH the name (an annotation's "name" is its value); a refusal leaves it as it was.

  function editProbe(kind: string, path: (fx: Fixture) => string, field: "name" | "value"): Probe {
    return {
      name: kind, action: "edit", success: 200,
      async run(who, fx) {
        const before = expectStatus(await admin().get(path(fx)), 200, "read before").json[field];
        const wanted = `renamed by ${who.role}`;
        const res = await ctx.as(who.token).patch(path(fx), { [field]: wanted });
        const now = expectStatus(await admin().get(path(fx)), 200, "read after").json[field];
        assert.equal(now, res.status === 200 ? wanted : before, `edit ${kind} by ${who.role}`);
        return outcomeOf(res);
      },
    };
  }

  const editProbes: Probe[] = [
    editProbe("project", (fx) => `/projects/${fx.project.id}`, "name"),
    editProbe("dataset", (fx) => `/datasets/${fx.dataset.id}`, "name"),
    editProbe("image", (fx) => `/images/${fx.image.id}`, "name"),
    editProbe("roi", (fx) => `/rois/${fx.roi.id}`, "name"),
    editProbe("annotation", (fx) => `/annotations/${fx.tag.id}`, "value"),
  ];

  // ---- delete: each actor on a fresh object of A's; a refusal leaves it in place.

  const deleteProbes: Probe[] = (["project", "dataset", "image", "roi", "annotation"] as const).map((kind) => ({
    name: kind, action: "delete", success: 204,
    async run(who: Actor, fx: Fixture) {
      const { path } = await freshObject(kind, fx);
      const res = await ctx.as(who.token).del(path);
      const after = await admin().get(path);
      assert.equal(after.status, res.status === 204 ? 404 : 200, `delete ${kind} by ${who.role}: gone only on success`);
      return outcomeOf(res);
    },
  }));

  const phases: [Action, Probe[]][] = [["read", readProbes], ["annotate", annotateProbes], ["link", linkProbes], ["edit", editProbes], ["delete", deleteProbes]];

  for (const level of GROUP_PERMISSIONS) {
    describe(`${level} group`, () => {
      // Phases run in this order: reads see only the fixture; deletes (last) work on fresh objects.
      for (const [action, probes] of phases) {
        for (const probe of probes) {
          test(`${action}: ${probe.name}`, async () => {
            const fx = fixtures.get(level)!;
            const actual: Record<string, string> = {};
            const expected: Record<string, string> = {};
            for (const role of ROLES) {
              actual[role] = await probe.run(actor(role), fx);
              expected[role] = action === "read" ? expectedRead(level, role) : expectedOutcome(level, role, action, probe.success);
            }
            assert.deepEqual(actual, expected);
          });
        }
      }
    });
  }

  describe("rules across groups", () => {
    test("links across groups are refused with LINK_FORBIDDEN, even for administrators", async () => {
      const ro = fixtures.get("read-only")!;
      const rw = fixtures.get("read-write")!;
      for (const role of ["owner", "admin"] as const) {
        const c = client(role);
        assertError(await c.post(`/projects/${ro.project.id}/datasets`, { datasetId: rw.dataset.id }), 403, "LINK_FORBIDDEN");
        assertError(await c.post(`/datasets/${rw.dataset.id}/images`, { imageId: ro.image.id }), 403, "LINK_FORBIDDEN");
        // An annotation in one group may not be linked to objects of another.
        assertError(await c.post(`/projects/${rw.project.id}/annotations`, { annotationId: ro.tag.id }), 403, "LINK_FORBIDDEN");
        const namespace = `cross/${role}`;
        assertError(await c.post("/annotations", {
          kind: "tag", value: "both", namespace, links: [{ type: "Image", id: ro.image.id }, { type: "Image", id: rw.image.id }],
        }), 403, "LINK_FORBIDDEN");
        assert.equal(await ctx.total(`/annotations?namespace=${namespace}`), 0, "a refused annotation is not created");
      }
      const datasetsInRo = (await ctx.root.get(`/projects/${ro.project.id}/datasets`)).json.items as Json[];
      assert.ok(!datasetsInRo.some((d) => d.id === rw.dataset.id), "no cross-group link was made");
      const imagesInRw = (await ctx.root.get(`/datasets/${rw.dataset.id}/images`)).json.items as Json[];
      assert.ok(!imagesInRw.some((i) => i.id === ro.image.id), "no cross-group link was made");
    });

    test("a user cannot create objects in a group it does not belong to (NOT_A_MEMBER)", async () => {
      const rw = fixtures.get("read-write")!;
      const x = client("outsider");
      assertError(await x.post("/projects", { name: "intruder", groupId: rw.groupId }), 403, "NOT_A_MEMBER");
      assertError(await x.post("/datasets", { name: "intruder", groupId: rw.groupId }), 403, "NOT_A_MEMBER");
      assertError(await x.post("/annotations", { kind: "tag", value: "intruder", groupId: rw.groupId }), 403, "NOT_A_MEMBER");
      assertError(await client("member").post("/projects", { name: "intruder", groupId: elsewhereId }), 403, "NOT_A_MEMBER");
      const xId = actor("outsider").user.id;
      for (const kind of ["projects", "datasets"]) assert.equal(await ctx.total(`/${kind}?groupId=${rw.groupId}&ownerId=${xId}`), 0, `no ${kind} created`);
      assert.equal(await ctx.total(`/projects?groupId=${elsewhereId}&ownerId=${actor("member").user.id}`), 0, "no project created");
    });

    test("PUT /session {groupId} switches the group new objects go to", async () => {
      const ro = fixtures.get("read-only")!;
      const rw = fixtures.get("read-write")!;
      // A session of its own, so the other tests' sessions keep their groups.
      const alice = actor("owner").user;
      const s = ctx.as(await ctx.login(alice.username, alice.password));
      const switched = expectStatus(await s.put("/session", { groupId: ro.groupId }), 200, "switch");
      assert.equal(switched.json.groupId, ro.groupId);
      assert.equal(expectStatus(await s.post("/projects", { name: "goes to ro" }), 201, "create").json.groupId, ro.groupId);
      expectStatus(await s.put("/session", { groupId: rw.groupId }), 200, "switch again");
      assert.equal((await s.get("/session")).json.groupId, rw.groupId);
      assert.equal(expectStatus(await s.post("/datasets", { name: "goes to rw" }), 201, "create").json.groupId, rw.groupId);
      assert.equal(expectStatus(await s.post("/annotations", { kind: "tag", value: "goes to rw" }), 201, "create").json.groupId, rw.groupId);
      // Not a member of `elsewhere`: refused, and the session stays where it was.
      assertError(await s.put("/session", { groupId: elsewhereId }), 403, "NOT_A_MEMBER");
      assert.equal((await s.get("/session")).json.groupId, rw.groupId);
    });

    test("an administrator can create a user directly into groups (POST /users {groups})", async () => {
      const ro = fixtures.get("read-only")!;
      const res: ApiResponse = await ctx.root.post("/users", { username: "gina", password: "gina-password", groups: [ro.groupId, "elsewhere"] });
      expectStatus(res, 201, "create user with groups");
      assert.deepEqual((res.json.groups as Json[]).map((g) => g.id).sort(), [ro.groupId, elsewhereId].sort());
      assert.equal(res.json.defaultGroupId, ro.groupId, "the first group is the default");
    });
  });
});
