/**
 * Acceptance (SPEC §4): who may manage official scripts (administrators and UploadScripts), user
 * scripts behind `scripts.allowUserScripts` and visible only to their owner, scripts refused at
 * upload with the compiler's or the script's own words (422 SCRIPT_INVALID), and replacement that
 * keeps every version while each job records (and runs) the sha256 it was launched with.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { ScriptDto } from "@fovea/model";
import { assertError } from "../support/api-client.ts";
import {
  Accounts, addScript, eachDialect, expectOk, getJob, launch, newPgSchema, sha256Hex, SDK_IMPORT, startJobServer, uploadScript, waitForJob,
  writeScript, type InProcessServer, type PgSchema, type TestUser,
} from "./harness.ts";

const HELLO = (name: string, message: string): string => `
export default defineScript({ name: "${name}", folder: "util_scripts", params: {}, run: () => ({ Message: "${message}" }) });`;

eachDialect("script privileges, refusals and versions", (dialect) => {
  describe("official scripts, allowUserScripts off", () => {
    let s: InProcessServer;
    let carol: TestUser; // no privilege
    let sam: TestUser; // UploadScripts

    before(async () => {
      s = await startJobServer({ workers: 2, allowUserScripts: false, dialect });
      const lab = await s.accounts.newGroup("lab", "read-annotate");
      carol = await s.accounts.newUser("carol", { groups: [lab.id] });
      sam = await s.accounts.newUser("sam", { groups: [lab.id], privileges: ["UploadScripts"] });
    });
    after(() => s?.close());

    async function scriptCount(): Promise<number> {
      return expectOk(await s.root.get("/scripts?limit=500"), 200, "list scripts").total as number;
    }

    test("a user without UploadScripts cannot upload, replace, enable/disable or delete official scripts", async () => {
      const official = await addScript(s, s.root, "Managed.ts", HELLO("Managed", "v1"));
      const count = await scriptCount();
      assertError(await uploadScript(s, carol.api, "Sneaky.ts", HELLO("Sneaky", "x")), 403, "PRIVILEGE_REQUIRED");
      assert.equal(await scriptCount(), count, "nothing was added");

      const path = await writeScript(s, "Managed_v2.ts", HELLO("Managed", "v2"));
      assertError(await carol.api.upload("PUT", `/scripts/${official.id}`, "Managed.ts", await readFile(path)), 403, "PRIVILEGE_REQUIRED");
      assertError(await carol.api.patch(`/scripts/${official.id}`, { enabled: false }), 403, "PRIVILEGE_REQUIRED");
      assertError(await carol.api.patch(`/scripts/${official.id}`, { enabled: true }), 403, "PRIVILEGE_REQUIRED");
      assertError(await carol.api.del(`/scripts/${official.id}`), 403, "PRIVILEGE_REQUIRED");

      const still = expectOk(await s.root.get(`/scripts/${official.id}`), 200, "the script") as ScriptDto;
      assert.equal(still.sha256, official.sha256, "not replaced");
      assert.equal(still.enabled, true, "not disabled");
      assert.equal(expectOk(await s.root.get(`/scripts/${official.id}/versions`), 200, "versions").items.length, 1);

      // Any user may run an official script.
      const job = await launch(carol.api, official.id);
      assert.deepEqual((await waitForJob(carol.api, job.id)).outputs, { Message: "v1" });
    });

    test("a user with UploadScripts can upload, replace, disable, enable and delete official scripts", async () => {
      const mine = await addScript(s, sam.api, "Sams.ts", HELLO("Sams", "sam v1"));
      assert.equal(mine.official, true);
      assert.equal(mine.ownerId, sam.id);
      assert.equal(mine.folder, "util_scripts");
      const roots = await addScript(s, s.root, "Roots.ts", HELLO("Roots", "root v1"));

      const path = await writeScript(s, "Roots_v2.ts", HELLO("Roots", "root v2"));
      const replaced = expectOk(await sam.api.upload("PUT", `/scripts/${roots.id}`, "Roots.ts", await readFile(path)), 200, "replace root's script") as ScriptDto;
      assert.notEqual(replaced.sha256, roots.sha256);

      const disabled = expectOk(await sam.api.patch(`/scripts/${roots.id}`, { enabled: false }), 200, "disable") as ScriptDto;
      assert.equal(disabled.enabled, false);
      assert.equal(disabled.runnable, false, "a disabled script is not runnable");
      assert.equal(replaced.runnable, true, "an enabled official script is runnable");
      assertError(await carol.api.get(`/scripts/${roots.id}`), 404, "NOT_FOUND");
      assertError(await carol.api.post(`/scripts/${roots.id}/launch`, { inputs: {} }), 404, "NOT_FOUND");
      assertError(await sam.api.post(`/scripts/${roots.id}/launch`, { inputs: {} }), 403, "FORBIDDEN");
      const carolsList = expectOk(await carol.api.get("/scripts?limit=500"), 200, "carol's list").items as ScriptDto[];
      assert.ok(!carolsList.some((x) => x.id === roots.id), "a disabled script is not offered");

      assert.equal((expectOk(await sam.api.patch(`/scripts/${roots.id}`, { enabled: true }), 200, "enable") as ScriptDto).enabled, true);
      const job = await launch(carol.api, roots.id);
      assert.deepEqual((await waitForJob(carol.api, job.id)).outputs, { Message: "root v2" });

      const del = await sam.api.del(`/scripts/${mine.id}`);
      assert.equal(del.status, 204, del.body);
      assertError(await sam.api.get(`/scripts/${mine.id}`), 404, "NOT_FOUND");
      assertError(await carol.api.post(`/scripts/${mine.id}/launch`, { inputs: {} }), 404, "NOT_FOUND");
    });

    test("user scripts are refused with USER_SCRIPTS_DISABLED while allowUserScripts is off", async () => {
      for (const who of [carol.api, sam.api, s.root]) {
        const count = await scriptCount();
        assertError(await uploadScript(s, who, "Mine.ts", HELLO("Mine", "x"), { official: false }), 403, "USER_SCRIPTS_DISABLED");
        assert.equal(await scriptCount(), count);
      }
    });

    test("a script with a syntax error: 422 SCRIPT_INVALID with the compiler's line", async () => {
      // Line 1 is the SDK import; the stray `=` is on line 5.
      const res = await uploadScript(s, s.root, "Broken.ts", `
export default defineScript({
  name: "Broken", params: {},
  run() { const x = ; return { Message: String(x) }; },
});`);
      const error = assertError(res, 422, "SCRIPT_INVALID");
      assert.match(error.message, /Broken\.ts:5:\d+/, `the message has file:line:column: ${error.message}`);
      assert.match(error.message, /Unexpected/);
      assert.ok(!error.message.includes("fovea-script:"), "the file is named as the author knows it");
    });

    test("a script whose describe throws is refused with its own error text", async () => {
      const thrown = assertError(await uploadScript(s, s.root, "Throws_Early.ts", `
function columns(): string[] { throw new Error("cannot declare: the column list is missing"); }
export default defineScript({ name: "Throws Early", params: { Column: p.string({ values: columns() }) }, run: () => ({}) });`), 422, "SCRIPT_INVALID");
      assert.match(thrown.message, /cannot declare: the column list is missing/);

      const badDecl = assertError(await uploadScript(s, s.root, "Bad_Range.ts", `
export default defineScript({ name: "Bad Range", params: { Width: p.int({ min: 5, max: 1 }) }, run: () => ({}) });`), 422, "SCRIPT_INVALID");
      assert.match(badDecl.message, /min 5 is above max 1/);

      const silent = assertError(await uploadScript(s, s.root, "No_Declaration.ts", "export const nothing = 1;\n"), 422, "SCRIPT_INVALID");
      assert.match(silent.message, /defineScript/);
      assert.ok(!(expectOk(await s.root.get("/scripts?limit=500"), 200, "list").items as ScriptDto[]).some((x) => /Throws_Early|Bad_Range|No_Declaration|Broken/.test(x.name)));
    });

    test("replacing keeps the old versions; each job records and runs the sha256 it was launched with", async () => {
      const v1 = HELLO("Versioned", "v1");
      const v2 = HELLO("Versioned", "v2");
      const script = await addScript(s, s.root, "Versioned.ts", v1);
      assert.equal(script.sha256, sha256Hex(`${SDK_IMPORT}${v1}`), "the version is the content's sha256");
      const job1 = await launch(s.root, script.id);
      assert.equal(job1.scriptSha256, script.sha256);
      assert.deepEqual((await waitForJob(s.root, job1.id)).outputs, { Message: "v1" });

      // Both workers busy, so the next job waits in the queue across the replacement.
      const blocker = await addScript(s, s.root, "Blocker.ts", `
export default defineScript({ name: "Blocker", params: {}, async run(ctx) {
  for (let i = 0; i < 600; i++) {
    if ((await ctx.client.datasets.list({ limit: 500 })).items.some((d) => d.name === "release")) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {};
} });`);
      const blockers = [await launch(s.root, blocker.id), await launch(s.root, blocker.id)];
      for (const b of blockers) await waitForJob(s.root, b.id, { until: (j) => j.status === "running" });
      const queuedOnV1 = await launch(s.root, script.id);
      assert.equal(queuedOnV1.status, "queued");

      const path = await writeScript(s, "Versioned_v2.ts", v2);
      const replaced = expectOk(await s.root.upload("PUT", `/scripts/${script.id}`, "Versioned.ts", await readFile(path)), 200, "replace") as ScriptDto;
      assert.equal(replaced.sha256, sha256Hex(`${SDK_IMPORT}${v2}`));
      assert.equal(replaced.id, script.id);
      expectOk(await s.root.post("/datasets", { name: "release" }), 201, "release the blockers");

      const ranQueued = await waitForJob(s.root, queuedOnV1.id);
      assert.equal(ranQueued.scriptSha256, script.sha256);
      assert.deepEqual(ranQueued.outputs, { Message: "v1" }, "a job runs the version it recorded at launch");
      const job2 = await launch(s.root, script.id);
      const ran2 = await waitForJob(s.root, job2.id);
      assert.equal(ran2.scriptSha256, replaced.sha256);
      assert.deepEqual(ran2.outputs, { Message: "v2" });
      assert.equal((await getJob(s.root, job1.id)).scriptSha256, script.sha256, "old jobs keep their version");

      const versions = expectOk(await s.root.get(`/scripts/${script.id}/versions`), 200, "versions").items as { sha256: string }[];
      assert.deepEqual(versions.map((v) => v.sha256).sort(), [script.sha256, replaced.sha256].sort());
      assert.equal((await s.root.get(`/scripts/${script.id}/source`)).body, `${SDK_IMPORT}${v2}`, "the source is the current version's");

      // The same content again is not a new version.
      const same = expectOk(await s.root.upload("PUT", `/scripts/${script.id}`, "Versioned.ts", await readFile(path)), 200, "replace again") as ScriptDto;
      assert.equal(same.sha256, replaced.sha256);
      assert.equal(expectOk(await s.root.get(`/scripts/${script.id}/versions`), 200, "versions").items.length, 2);
    });
  });

  describe("user scripts, allowUserScripts on", () => {
    let dataDir: string;
    let pgSchema: PgSchema | undefined;
    let s: InProcessServer | undefined;
    let carol: TestUser;
    let dave: TestUser;
    let carols: ScriptDto;

    before(async () => {
      dataDir = await mkdtemp(join(tmpdir(), "fovea-user-scripts-"));
      pgSchema = dialect === "postgres" ? newPgSchema() : undefined;
      s = await startJobServer({ workers: 2, allowUserScripts: true, dataDir, ...(pgSchema && { pg: pgSchema }) });
      const lab = await s.accounts.newGroup("lab", "read-write");
      carol = await s.accounts.newUser("carol", { groups: [lab.id] });
      dave = await s.accounts.newUser("dave", { groups: [lab.id] });
    });
    after(async () => {
      await s?.close();
      await rm(dataDir, { recursive: true, force: true });
      await pgSchema?.drop();
    });

    test("a user script is accepted, visible and runnable only by its owner", async () => {
      const server = s!;
      carols = await addScript(server, carol.api, "Carols.ts", HELLO("Carols", "carol's own"), { official: false });
      assert.equal(carols.official, false);
      assert.equal(carols.ownerId, carol.id);
      assert.equal(carols.runnable, true, "user scripts run while allowUserScripts is on");

      const listed = expectOk(await carol.api.get("/scripts?limit=500"), 200, "carol's list").items as ScriptDto[];
      assert.ok(listed.some((x) => x.id === carols.id), "listed for its owner");
      const othersList = expectOk(await dave.api.get("/scripts?limit=500"), 200, "dave's list").items as ScriptDto[];
      assert.ok(!othersList.some((x) => x.id === carols.id), "not listed for others");
      for (const path of [`/scripts/${carols.id}`, `/scripts/${carols.id}/params`, `/scripts/${carols.id}/source`, `/scripts/${carols.id}/versions`]) {
        assertError(await dave.api.get(path), 404, "NOT_FOUND");
      }
      const before = (expectOk(await dave.api.get("/jobs?limit=1"), 200, "dave's jobs").total as number);
      assertError(await dave.api.post(`/scripts/${carols.id}/launch`, { inputs: {} }), 404, "NOT_FOUND");
      assert.equal(expectOk(await dave.api.get("/jobs?limit=1"), 200, "dave's jobs").total, before, "no job for dave");
      const path = await writeScript(server, "Carols_v2.ts", HELLO("Carols", "hijacked"));
      assertError(await dave.api.upload("PUT", `/scripts/${carols.id}`, "Carols.ts", await readFile(path)), 404, "NOT_FOUND");
      assertError(await dave.api.del(`/scripts/${carols.id}`), 404, "NOT_FOUND");

      const job = await launch(carol.api, carols.id);
      assert.deepEqual((await waitForJob(carol.api, job.id)).outputs, { Message: "carol's own" });
    });

    test("once allowUserScripts is off again, the existing user script no longer runs", async () => {
      await s!.close();
      s = undefined;
      s = await startJobServer({ workers: 2, allowUserScripts: false, dataDir, ...(pgSchema && { pg: pgSchema }) });
      const api = s.anon.as(await Accounts.login(s.anon, "carol", carol.password));
      const listed = (expectOk(await api.get("/scripts?limit=500"), 200, "carol's list").items as ScriptDto[]).find((x) => x.id === carols.id);
      assert.equal(listed?.runnable, false, "still listed for its owner, but marked not runnable (menus leave it out)");
      assertError(await api.post(`/scripts/${carols.id}/launch`, { inputs: {} }), 403, "USER_SCRIPTS_DISABLED");
    });
  });
});
