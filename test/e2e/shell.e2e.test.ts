/** The shell: the login page refuses a wrong password in place, then logs in and out. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEMO, logIn, openPage, webE2eSkipReason, webSuite } from "./harness.ts";

const skip = webE2eSkipReason();

describe("web shell", { skip }, () => {
  const suite = webSuite();

  it("refuses a wrong password on the login page, then logs in and out", async () => {
    const t = await openPage(suite.browser, suite.web.url, "shell-login");
    try {
      t.expectFailure(/\/auth\/login → 401/);
      t.expectFailure(/\/session → 401/);
      t.expectFailure(/401 \(Unauthorized\)/);
      await t.page.goto("/");
      await t.page.getByLabel("User name").fill(DEMO.username);
      await t.page.getByLabel("Password").fill("not-the-password");
      await t.page.getByRole("button", { name: "Log in" }).click();
      await t.page.getByRole("alert").filter({ hasText: /password/i }).waitFor();
      await t.shot("wrong-password");
      await logIn(t.page, DEMO.username, DEMO.password);
      await t.shot("logged-in");
      // A reload keeps the session (the cookie) and its CSRF token (from GET /session).
      await t.page.reload();
      await t.page.getByRole("navigation", { name: "Main" }).waitFor();
      await t.page.getByRole("button", { name: "Log out" }).click();
      await t.page.getByRole("button", { name: "Log in" }).waitFor();
      await t.shot("logged-out");
      assert.deepEqual(t.problems, []);
    } finally {
      await t.close();
    }
  });
});
