import { describe, expect, it } from "vitest";
import type { UserDto } from "@fovea/model";
import { mayUseAdminTab, type AdminTab } from "./admin-access.ts";

const USER: UserDto = {
  type: "User", id: 2, username: "demo", fullName: "", email: "", isAdmin: false, privileges: [], defaultGroupId: 2,
  groups: [{ id: 2, name: "Demo Lab", permissions: "read-annotate", isOwner: false }], createdAt: "2026-01-01T00:00:00.000Z",
};
const tabsOf = (me: UserDto | undefined) => (["users", "groups", "scripts"] as AdminTab[]).filter((t) => mayUseAdminTab(t, me));

describe("mayUseAdminTab", () => {
  it("gives administrators every tab and ordinary users none", () => {
    expect(tabsOf({ ...USER, isAdmin: true })).toEqual(["users", "groups", "scripts"]);
    expect(tabsOf(USER)).toEqual([]);
    expect(tabsOf(undefined)).toEqual([]);
  });

  it("gives script managers the Scripts tab and group owners the Groups tab", () => {
    expect(tabsOf({ ...USER, privileges: ["UploadScripts"] })).toEqual(["scripts"]);
    expect(tabsOf({ ...USER, groups: [{ id: 2, name: "Demo Lab", permissions: "read-annotate", isOwner: true }] })).toEqual(["groups"]);
  });
});
