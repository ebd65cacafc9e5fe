/**
 * Acceptance (SPEC §4, STYLE "Errors"): inputs are validated before a job exists. Each rule is
 * checked through POST /scripts/:id/launch: 400 PARAM_INVALID whose `details` list every offending
 * parameter as `{ param, code, message }` (list elements as `IDs[1]`), and no job is created. A
 * child parameter grouped under a bool is required only while that bool is ticked.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { JobDto } from "@fovea/model";
import { assertError, type Json } from "../support/api-client.ts";
import { addScript, eachDialect, expectOk, jobTotal, startJobServer, waitForJob, type InProcessServer, type TestUser } from "./harness.ts";

type Issue = readonly [param: string, code: string];

const VALIDATED = `
export default defineScript({
  name: "Validated",
  params: {
    Data_Type: p.string({ values: ["Dataset", "Image"], default: "Dataset", grouping: "1" }),
    IDs: p.list(p.long(), { grouping: "2" }),
    Count: p.int({ min: 1, max: 10, grouping: "3" }),
    Ratio: p.float({ min: 0, max: 1, optional: true, grouping: "4" }),
    Mode: p.string({ values: ["fast", "slow"], default: "fast", grouping: "5" }),
    Label: p.string({ grouping: "6" }),
    Make_Figure: p.bool({ default: false, grouping: "7" }),
    Figure_Name: p.string({ grouping: "7.1", description: "required only when Make_Figure is ticked" }),
    Channels: p.list(p.int({ min: 1, max: 4 }), { optional: true, grouping: "8" }),
    Tint: p.color({ optional: true, grouping: "9" }),
    Tags: p.map({ optional: true, grouping: "10" }),
    Target: p.object(["Image"], { optional: true, grouping: "11" }),
  },
  run: (ctx, inputs) => ({ Message: JSON.stringify(inputs) }),
});`;

eachDialect("launch-time input validation (400 PARAM_INVALID, no job)", (dialect) => {
  let s: InProcessServer;
  let alice: TestUser;
  let scriptId: number;
  let ownDataset: number;
  let bobsPrivateDataset: number;
  let ownImage: number;
  let bobsImage: number;
  let labBId: number;
  /** A valid set of inputs that the cases below spoil one way or another. */
  let valid: Record<string, unknown>;

  before(async () => {
    s = await startJobServer({ workers: 2, dialect });
    const labA = await s.accounts.newGroup("lab-a", "read-annotate");
    const labB = await s.accounts.newGroup("lab-b", "private");
    labBId = labB.id;
    alice = await s.accounts.newUser("alice", { groups: [labA.id] });
    const bob = await s.accounts.newUser("bob", { groups: [labB.id] });
    ownDataset = expectOk(await alice.api.post("/datasets", { name: "mine" }), 201, "alice's dataset").id;
    bobsPrivateDataset = expectOk(await bob.api.post("/datasets", { name: "bob's private" }), 201, "bob's dataset").id;
    ownImage = (await s.newImage("alice", labA.id)).id;
    bobsImage = (await s.newImage("bob", labB.id)).id;
    scriptId = (await addScript(s, s.root, "Validated.ts", VALIDATED)).id;
    valid = { IDs: [ownDataset], Count: 3, Label: "run 1" };
  });

  after(() => s?.close());

  /** Launches with `inputs`, expects exactly `expected` issues, and checks that no job appeared. */
  async function refused(inputs: Record<string, unknown>, expected: readonly Issue[]): Promise<Json[]> {
    const before = await jobTotal(alice.api);
    const res = await alice.api.post(`/scripts/${scriptId}/launch`, { inputs });
    const error = assertError(res, 400, "PARAM_INVALID");
    assert.ok(Array.isArray(error.details), `details is a list: ${res.body}`);
    for (const d of error.details as Json[]) {
      assert.deepEqual(Object.keys(d).sort(), ["code", "message", "param"], `a detail is { param, code, message }: ${JSON.stringify(d)}`);
      assert.equal(typeof d.message, "string");
      assert.ok(d.message.includes(d.param), `the message names its parameter: ${JSON.stringify(d)}`);
    }
    const got = (error.details as Json[]).map((d) => `${d.param} ${d.code}`).sort();
    assert.deepEqual(got, expected.map(([p, c]) => `${p} ${c}`).sort(), `every offending parameter, and only those: ${res.body}`);
    assert.equal(await jobTotal(alice.api), before, "no job was created");
    return error.details as Json[];
  }

  async function accepted(inputs: Record<string, unknown>): Promise<JobDto> {
    const job = expectOk(await alice.api.post(`/scripts/${scriptId}/launch`, { inputs }), 201, "a valid launch") as JobDto;
    const done = await waitForJob(alice.api, job.id);
    assert.equal(done.status, "succeeded", String(done.error));
    return done;
  }

  test("valid inputs are accepted, normalised and given defaults", async () => {
    const before = await jobTotal(alice.api);
    const done = await accepted({ ...valid, Tint: "ff8800", Channels: [1, 4], Tags: { stain: "DAPI" } });
    assert.equal(await jobTotal(alice.api), before + 1);
    const expectedInputs = { Data_Type: "Dataset", IDs: [ownDataset], Count: 3, Mode: "fast", Label: "run 1", Make_Figure: false, Channels: [1, 4], Tint: "#FF8800", Tags: { stain: "DAPI" } };
    assert.deepEqual(done.inputs, expectedInputs);
    assert.deepEqual(JSON.parse(String(done.outputs.Message)), expectedInputs, "the script received exactly the validated inputs");
  });

  test("missing required parameters: each one named", async () => {
    await refused({}, [["IDs", "MISSING"], ["Count", "MISSING"], ["Label", "MISSING"]]);
    await refused({ IDs: [ownDataset], Count: 2, Label: null }, [["Label", "MISSING"]]);
  });

  test("wrong types, one at a time", async (t) => {
    const cases: [string, unknown][] = [
      ["Count", "3"], ["Count", 2.5], ["Count", true], ["Ratio", "0.5"], ["Label", 5], ["Make_Figure", "yes"],
      ["IDs", "1,2"], ["IDs", { 0: ownDataset }], ["Tint", 12], ["Tint", "orange"], ["Tags", { stain: 1 }], ["Tags", ["a"]], ["Mode", 1],
    ];
    for (const [param, value] of cases) {
      await t.test(`${param} = ${JSON.stringify(value)}`, async () => {
        const [detail] = await refused({ ...valid, [param]: value }, [[param, "WRONG_TYPE"]]);
        assert.match(detail.message, /must be/);
      });
    }
  });

  test("out of range (min/max), also for list elements", async () => {
    await refused({ ...valid, Count: 0 }, [["Count", "OUT_OF_RANGE"]]);
    await refused({ ...valid, Count: 11 }, [["Count", "OUT_OF_RANGE"]]);
    await refused({ ...valid, Ratio: 1.5 }, [["Ratio", "OUT_OF_RANGE"]]);
    await refused({ ...valid, Ratio: -0.1 }, [["Ratio", "OUT_OF_RANGE"]]);
    await refused({ ...valid, Channels: [1, 5, 0] }, [["Channels[1]", "OUT_OF_RANGE"], ["Channels[2]", "OUT_OF_RANGE"]]);
    await accepted({ ...valid, Count: 10, Ratio: 0 }); // the bounds themselves are allowed
  });

  test("values outside the allowed choices", async () => {
    const [detail] = await refused({ ...valid, Mode: "medium" }, [["Mode", "NOT_ALLOWED"]]);
    assert.match(detail.message, /fast/);
    await refused({ ...valid, Data_Type: "Project" }, [["Data_Type", "NOT_ALLOWED"]]);
  });

  test("list element errors name the element: IDs: [id, \"x\"] → IDs[1]", async () => {
    const [detail] = await refused({ ...valid, IDs: [ownDataset, "x"] }, [["IDs[1]", "WRONG_TYPE"]]);
    assert.match(detail.message, /^IDs\[1\]/);
  });

  test("unknown parameters", async () => {
    await refused({ ...valid, Colour: "red" }, [["Colour", "UNKNOWN_PARAM"]]);
    await refused({ ...valid, ids: [ownDataset] }, [["ids", "UNKNOWN_PARAM"]]);
  });

  test("IDs that do not exist", async () => {
    await refused({ ...valid, IDs: [ownDataset, 987_654] }, [["IDs[1]", "NOT_VISIBLE"]]);
    await refused({ ...valid, Data_Type: "Image", IDs: [987_654] }, [["IDs[0]", "NOT_VISIBLE"]]);
    // Ids beyond 32 bits are still ids (long): unknown, not a server error.
    await refused({ ...valid, IDs: [2 ** 31, Number.MAX_SAFE_INTEGER] }, [["IDs[0]", "NOT_VISIBLE"], ["IDs[1]", "NOT_VISIBLE"]]);
    await refused({ ...valid, IDs: [0, -1] }, [["IDs[0]", "NOT_VISIBLE"], ["IDs[1]", "NOT_VISIBLE"]]);
  });

  test("object parameters: type checked, and the object must be visible", async () => {
    await refused({ ...valid, Target: `Dataset:${ownDataset}` }, [["Target", "NOT_ALLOWED"]]);
    await refused({ ...valid, Target: "Image:x" }, [["Target", "WRONG_TYPE"]]);
    await refused({ ...valid, Target: `Image:${bobsImage}` }, [["Target", "NOT_VISIBLE"]]);
    const done = await accepted({ ...valid, Target: `Image:${ownImage}` });
    assert.deepEqual(done.inputs.Target, { type: "Image", id: ownImage }, "normalised to a reference");
  });

  test("IDs the user cannot see (another user's private group) look the same as unknown ones", async () => {
    const [hidden] = await refused({ ...valid, IDs: [bobsPrivateDataset] }, [["IDs[0]", "NOT_VISIBLE"]]);
    const [missing] = await refused({ ...valid, IDs: [987_654] }, [["IDs[0]", "NOT_VISIBLE"]]);
    assert.equal(hidden.message.replace(String(bobsPrivateDataset), "N"), missing.message.replace("987654", "N"), "existence is not revealed");
    await refused({ ...valid, Data_Type: "Image", IDs: [ownImage, bobsImage] }, [["IDs[1]", "NOT_VISIBLE"]]);
    await accepted({ ...valid, Data_Type: "Image", IDs: [ownImage] });
  });

  test("every offending parameter at once", async () => {
    await refused(
      { IDs: [bobsPrivateDataset], Count: 0, Ratio: "half", Mode: "medium", Colour: "red", Make_Figure: true, Channels: [9] },
      [
        ["IDs[0]", "NOT_VISIBLE"], ["Count", "OUT_OF_RANGE"], ["Ratio", "WRONG_TYPE"], ["Mode", "NOT_ALLOWED"], ["Colour", "UNKNOWN_PARAM"],
        ["Label", "MISSING"], ["Figure_Name", "MISSING"], ["Channels[0]", "OUT_OF_RANGE"],
      ],
    );
  });

  test("launching into a group the user is not a member of is refused, and creates no job", async () => {
    const before = await jobTotal(alice.api);
    const res = await alice.api.post(`/scripts/${scriptId}/launch`, { inputs: valid, groupId: labBId });
    assertError(res, 403, "NOT_A_MEMBER");
    assert.equal(await jobTotal(alice.api), before);
  });

  test("a child of a bool grouping is required only while the bool is ticked", async () => {
    await refused({ ...valid, Make_Figure: true }, [["Figure_Name", "MISSING"]]);
    const off = await accepted({ ...valid, Make_Figure: false });
    assert.equal(off.inputs.Figure_Name, undefined);
    await accepted({ ...valid }); // unticked by default
    const on = await accepted({ ...valid, Make_Figure: true, Figure_Name: "fig 1" });
    assert.equal(on.inputs.Figure_Name, "fig 1");
  });
});
