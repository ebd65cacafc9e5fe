/**
 * Acceptance test 4, first part, through the Admin pages: root creates "alice" in "Demo Lab"
 * (after the server refused a short password and a taken name, shown on their fields), edits her
 * privileges, manages a group's members, uploads an official script into lab_scripts (and sees a
 * script with a syntax error refused with its own error and line), replaces and deletes scripts;
 * alice finds the script in the Scripts menu, runs it and sees its Message in Activities; once
 * root disables it, alice no longer sees it.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FoveaClient } from "@fovea/client";
import { ADMIN_PASSWORD, logIn, openPage, webE2eSkipReason, webSuite, type TestPage } from "./harness.ts";

const skip = webE2eSkipReason();
const ALICE = { username: "alice", password: "wonderland-42" } as const;

const GREETING = `import { defineScript, p } from "@fovea/sdk";

export default defineScript({
  name: "Lab Greeting",
  folder: "util_scripts",
  description: "Greets the lab (admin e2e test).",
  version: "1.0.0",
  params: {
    Who: p.string({ default: "Demo Lab", grouping: "1", description: "Whom to greet." }),
  },
  async run(ctx, inputs) {
    ctx.log("greeting " + inputs.Who);
    return { Message: "Hello, " + inputs.Who + "!" };
  },
});
`;

/** A syntax error on line 7: the compiler's message names Broken_Script.ts:7. */
const BROKEN = `import { defineScript, p } from "@fovea/sdk";

export default defineScript({
  name: "Broken Script",
  version: "0.1.0",
  params: {
    N: p.long({ default: 1 ),
  },
  async run() { return {}; },
});
`;

describe("admin pages", { skip }, () => {
  const suite = webSuite();
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "fovea-admin-e2e-"));
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("creates alice, manages a group, uploads scripts; alice runs the script until it is disabled", async () => {
    const demoLab = (await suite.web.root.groups.list()).items.find((g) => g.name === "Demo Lab");
    assert.ok(demoLab, "the demo group is named Demo Lab");

    const t = await openPage(suite.browser, suite.web.url, "admin");
    const { page } = t;
    try {
      // Refusals this test provokes on purpose (their console lines too).
      t.expectFailure(/POST \S+\/users → (400|409)/);
      t.expectFailure(/POST \S+\/scripts → 422/);
      t.expectFailure(/status of (400|409|422)/);
      // Each log-in after a log-out starts from the login page, which asks for a session first.
      t.expectFailure(/GET \S+\/session → 401/);
      t.expectFailure(/401 \(Unauthorized\)/);

      await logIn(page, "root", ADMIN_PASSWORD);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
      const users = page.getByRole("table", { name: "Users" });
      await users.getByRole("row", { name: /demo/ }).waitFor();
      await t.shot("users");

      // --- Create alice: the server's refusals land on their fields.
      await page.getByRole("button", { name: "New user…" }).click();
      const create = page.getByRole("dialog", { name: "New user" });
      await create.getByLabel("Username").fill("demo");
      await create.getByLabel("Full name").fill("Alice Liddell");
      await create.getByLabel("Email").fill("alice@lab.example");
      await create.getByLabel("Password").fill("short");
      await create.getByRole("checkbox", { name: /Demo Lab/ }).check();
      await create.getByRole("button", { name: "Create user" }).click();
      await create.getByText("must be at least 8 characters").waitFor();
      assert.equal(await create.getByLabel("Password").getAttribute("aria-invalid"), "true");
      await t.shot("create-user-short-password");
      await create.getByLabel("Password").fill(ALICE.password);
      await create.getByRole("button", { name: "Create user" }).click();
      await create.getByText('A user named "demo" already exists').waitFor();
      assert.equal(await create.getByLabel("Username").getAttribute("aria-invalid"), "true");
      await t.shot("create-user-taken-name");
      await create.getByLabel("Username").fill(ALICE.username);
      await create.getByRole("button", { name: "Create user" }).click();
      await create.waitFor({ state: "detached" });
      await page.getByRole("status").filter({ hasText: "Created user alice." }).waitFor();
      const aliceRow = users.getByRole("row", { name: /alice/ });
      await aliceRow.getByText("Demo Lab").waitFor();
      await t.shot("user-created");

      const alice = (await suite.web.root.users.list()).items.find((u) => u.username === ALICE.username);
      assert.ok(alice);
      assert.equal(alice.fullName, "Alice Liddell");
      assert.equal(alice.email, "alice@lab.example");
      assert.equal(alice.isAdmin, false);
      assert.deepEqual(alice.privileges, []);
      assert.deepEqual(alice.groups.map((g) => g.name), ["Demo Lab"]);
      assert.equal(alice.defaultGroupId, demoLab.id);

      // --- Edit: the privilege on, then off again (alice ends with none), and a password reset.
      await page.getByRole("button", { name: "Edit alice" }).click();
      let edit = page.getByRole("dialog", { name: "Edit alice" });
      await edit.getByRole("checkbox", { name: "UploadScripts privilege" }).check();
      await t.shot("edit-user");
      await edit.getByRole("button", { name: "Save" }).click();
      await edit.waitFor({ state: "detached" });
      await aliceRow.getByRole("cell", { name: "UploadScripts" }).waitFor();
      assert.deepEqual((await suite.web.root.users.get(alice.id)).privileges, ["UploadScripts"]);
      await page.getByRole("button", { name: "Edit alice" }).click();
      edit = page.getByRole("dialog", { name: "Edit alice" });
      await edit.getByRole("checkbox", { name: "UploadScripts privilege" }).uncheck();
      await edit.getByLabel("Full name").fill("Alice P. Liddell");
      await edit.getByLabel("New password").fill(ALICE.password + "!");
      await edit.getByRole("button", { name: "Save" }).click();
      await edit.waitFor({ state: "detached" });
      await aliceRow.getByText("Alice P. Liddell").waitFor();
      const edited = await suite.web.root.users.get(alice.id);
      assert.deepEqual(edited.privileges, []);
      assert.equal(edited.fullName, "Alice P. Liddell");
      const aliceClient = new FoveaClient({ baseUrl: suite.web.url });
      await aliceClient.login({ username: ALICE.username, password: ALICE.password + "!" });
      const password = ALICE.password + "!";

      // --- Groups: a new group, alice in it as a member, its level changed, alice removed.
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Groups" }).click();
      await page.getByRole("button", { name: "New group…" }).click();
      const newGroup = page.getByRole("dialog", { name: "New group" });
      await newGroup.getByLabel("Name").fill("Imaging Core");
      await newGroup.getByLabel("Description").fill("Shared microscopes");
      await newGroup.getByLabel("Permission level").selectOption("read-only");
      await newGroup.getByRole("button", { name: "Create group" }).click();
      await newGroup.waitFor({ state: "detached" });
      const panel = page.getByRole("region", { name: "Group Imaging Core" });
      await panel.waitFor();
      await panel.getByLabel("Username").fill(ALICE.username);
      await panel.getByRole("button", { name: "Add member" }).click();
      await panel.getByRole("table", { name: "Members of Imaging Core" }).getByRole("row", { name: /alice/ }).waitFor();
      await panel.getByLabel("Permission level").selectOption("read-annotate");
      await panel.getByRole("button", { name: "Change level" }).click();
      await page.getByRole("table", { name: "Groups" }).getByRole("row", { name: /Imaging Core/ }).getByText("read-annotate").waitFor();
      await t.shot("group-members");
      const core = (await suite.web.root.groups.list()).items.find((g) => g.name === "Imaging Core");
      assert.ok(core);
      assert.equal(core.permissions, "read-annotate");
      assert.deepEqual((await suite.web.root.groups.get(core.id)).members?.map((m) => m.username), ["alice"]);
      await panel.getByRole("button", { name: "Remove alice from Imaging Core" }).click();
      await page.getByRole("dialog", { name: "Remove alice?" }).getByRole("button", { name: "Remove" }).click();
      await panel.getByText("No members yet.").waitFor();
      assert.deepEqual((await suite.web.root.groups.get(core.id)).members, []);

      // --- Scripts: upload into lab_scripts (official by default), a refused one, replace, delete.
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Scripts" }).click();
      const scripts = page.getByRole("table", { name: "Scripts" });
      await scripts.getByRole("row", { name: /Hello World/ }).waitFor();
      const upload = page.getByRole("region", { name: "Upload a script" });
      assert.equal(await upload.getByRole("checkbox", { name: "Official" }).isChecked(), true);
      await upload.getByLabel("Script file").setInputFiles(file("Lab_Greeting.ts", GREETING));
      await upload.getByLabel("Folder").fill("lab_scripts");
      await upload.getByRole("button", { name: "Upload" }).click();
      await page.getByRole("status").filter({ hasText: "Uploaded Lab Greeting to lab_scripts." }).waitFor();
      const greetingRow = scripts.getByRole("row", { name: /Lab Greeting/ });
      await greetingRow.getByRole("cell", { name: "lab_scripts" }).waitFor();
      await greetingRow.getByRole("cell", { name: "1.0.0" }).waitFor();
      const greeting = (await suite.web.root.scripts.list()).items.find((s) => s.name === "Lab_Greeting");
      assert.ok(greeting);
      assert.deepEqual({ folder: greeting.folder, official: greeting.official, enabled: greeting.enabled, language: greeting.language },
        { folder: "lab_scripts", official: true, enabled: true, language: "typescript" });

      await upload.getByLabel("Script file").setInputFiles(file("Broken_Script.ts", BROKEN));
      await upload.getByRole("button", { name: "Upload" }).click();
      const refusal = upload.getByRole("alert");
      await refusal.getByText("Broken_Script.ts was refused:").waitFor();
      const refusalText = await refusal.locator("pre").innerText();
      assert.match(refusalText, /Broken_Script\.ts:7:\d+/, "the compiler's error names the line");
      assert.match(refusalText, /N: p\.long\(\{ default: 1 \)/, "and shows the offending source line");
      await t.shot("script-refused");
      assert.equal((await suite.web.root.scripts.list()).items.some((s) => s.name === "Broken_Script"), false);

      await page.getByRole("button", { name: "Source of Lab Greeting" }).click();
      const source = page.getByRole("dialog", { name: /Lab Greeting/ });
      await source.getByRole("region", { name: "Script source" }).getByText('return { Message: "Hello, " + inputs.Who + "!" };').waitFor();
      await t.shot("script-source");
      await source.getByRole("button", { name: "Close" }).first().click();

      await page.getByRole("button", { name: "Replace Lab Greeting" }).click();
      const replace = page.getByRole("dialog", { name: "Replace Lab Greeting" });
      await replace.getByLabel("New version").setInputFiles(file("Lab_Greeting.ts", GREETING.replace('"1.0.0"', '"1.1.0"')));
      await replace.getByRole("button", { name: "Upload new version" }).click();
      await replace.waitFor({ state: "detached" });
      await greetingRow.getByRole("cell", { name: "1.1.0" }).waitFor();
      await page.getByRole("button", { name: "Versions of Lab Greeting" }).click();
      const versions = page.getByRole("dialog", { name: "Versions of Lab Greeting" });
      await versions.getByRole("row").nth(2).waitFor();
      assert.equal(await versions.getByRole("row").count(), 3, "a header and two versions");
      await versions.getByRole("row").nth(1).getByText("Current", { exact: true }).waitFor();
      await t.shot("script-versions");
      await versions.getByRole("button", { name: "Close" }).first().click();

      await upload.getByLabel("Script file").setInputFiles(file("Scratch_Pad.ts", GREETING.replace("Lab Greeting", "Scratch Pad")));
      await upload.getByRole("button", { name: "Upload" }).click();
      await scripts.getByRole("row", { name: /Scratch Pad/ }).waitFor();
      await page.getByRole("button", { name: "Delete Scratch Pad" }).click();
      const confirm = page.getByRole("dialog", { name: "Delete Scratch Pad?" });
      await t.shot("script-delete-confirm");
      await confirm.getByRole("button", { name: "Delete script" }).click();
      await confirm.waitFor({ state: "detached" });
      await scripts.getByRole("row", { name: /Scratch Pad/ }).waitFor({ state: "detached" });
      assert.equal((await suite.web.root.scripts.list()).items.some((s) => s.name === "Scratch_Pad"), false);
      await t.shot("scripts");

      // --- alice runs it from the Scripts menu and sees its Message in Activities.
      await page.getByRole("button", { name: "Log out" }).click();
      await logIn(page, ALICE.username, password);
      await checkAliceRunsScript(t, "Lab Greeting", "lab_scripts", "Hello, Demo Lab!");

      // --- Disabled by root: alice no longer sees it, in the menu or from the API.
      await page.getByRole("button", { name: "Log out" }).click();
      await logIn(page, "root", ADMIN_PASSWORD);
      await page.goto("/#/admin/scripts");
      await page.getByRole("button", { name: "Disable Lab Greeting" }).click();
      await scripts.getByRole("row", { name: /Lab Greeting/ }).getByText("Disabled").waitFor();
      await page.getByRole("button", { name: "Enable Lab Greeting" }).waitFor();
      await t.shot("script-disabled");
      assert.equal((await aliceClient.scripts.list()).items.some((s) => s.name === "Lab_Greeting"), false);
      await page.getByRole("button", { name: "Log out" }).click();
      await logIn(page, ALICE.username, password);
      await checkAliceNoLongerSeesScript(t, "Lab Greeting");

      // alice is no administrator: the Admin pages say so instead of failing.
      await page.goto("/#/admin/users");
      await page.getByText("Only administrators can manage users.").waitFor();
      await t.shot("alice-not-admin");

      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});

/** Opens the header's Scripts (cogs) menu and returns it. */
async function openScriptsMenu(t: TestPage) {
  await t.page.getByRole("banner").getByRole("button", { name: /Scripts/ }).click();
  const menu = t.page.getByRole("menu");
  await menu.waitFor();
  return menu;
}

/** alice finds the script under its folder in the Scripts menu, runs it, and Activities shows its Message. */
async function checkAliceRunsScript(t: TestPage, title: string, folder: string, message: string): Promise<void> {
  const menu = await openScriptsMenu(t);
  const group = menu.getByRole("group", { name: folder });
  await group.getByRole("menuitem", { name: title }).waitFor();
  await t.shot("alice-scripts-menu");
  await group.getByRole("menuitem", { name: title }).click();
  const form = t.page.getByRole("dialog", { name: new RegExp(title) });
  await form.waitFor();
  await t.shot("alice-script-form");
  await form.getByRole("button", { name: "Run" }).click();
  const activities = t.page.getByRole("complementary", { name: "Activities" });
  const job = activities.getByRole("article").filter({ hasText: message });
  await job.waitFor({ timeout: 60_000 });
  await job.getByText("Succeeded").waitFor();
  await t.shot("alice-job-succeeded");
}

/** The disabled script is gone from alice's Scripts menu. */
async function checkAliceNoLongerSeesScript(t: TestPage, title: string): Promise<void> {
  const menu = await openScriptsMenu(t);
  await menu.getByRole("menuitem", { name: "Hello World" }).waitFor();
  assert.equal(await menu.getByRole("menuitem", { name: title }).count(), 0);
  await t.shot("alice-menu-without-script");
  await t.page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
}
