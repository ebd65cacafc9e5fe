import { describe, expect, it } from "vitest";
import type { UserDto } from "@fovea/model";
import { createUserRequest, editFormOf, EMPTY_USER_FORM, orderedGroups, privilegesWith, updateUserRequest } from "./user-form.ts";

const ALICE: UserDto = {
  type: "User", id: 3, username: "alice", fullName: "Alice Liddell", email: "alice@lab.org", isAdmin: false, privileges: [],
  defaultGroupId: 2, groups: [{ id: 2, name: "Demo Lab", permissions: "read-annotate", isOwner: false }, { id: 4, name: "Imaging", permissions: "private", isOwner: true }],
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("createUserRequest", () => {
  it("sends only what was filled in", () => {
    expect(createUserRequest({ ...EMPTY_USER_FORM, username: " alice ", password: "wonderland" })).toEqual({ username: "alice", password: "wonderland" });
  });

  it("sends the privileges, the admin flag and the groups, default group first", () => {
    expect(createUserRequest({
      ...EMPTY_USER_FORM, username: "alice", password: "wonderland", fullName: " Alice ", email: "a@b.c", isAdmin: true, uploadScripts: true,
      groupIds: [2, 4, 5], defaultGroupId: 4,
    })).toEqual({ username: "alice", password: "wonderland", fullName: "Alice", email: "a@b.c", isAdmin: true, privileges: ["UploadScripts"], groups: [4, 2, 5] });
  });

  it("never trims a password (spaces may be part of it)", () => {
    expect(createUserRequest({ ...EMPTY_USER_FORM, username: "a", password: " pass word " }).password).toBe(" pass word ");
  });
});

describe("orderedGroups", () => {
  it("falls back to the first ticked group when the default is not ticked", () => {
    expect(orderedGroups([5, 2], undefined)).toEqual([5, 2]);
    expect(orderedGroups([5, 2], 9)).toEqual([5, 2]);
    expect(orderedGroups([], 2)).toEqual([]);
  });
});

describe("updateUserRequest", () => {
  it("is empty when nothing changed", () => {
    expect(updateUserRequest(ALICE, editFormOf(ALICE))).toEqual({});
  });

  it("sends only the changed fields", () => {
    const form = { ...editFormOf(ALICE), fullName: "Alice L.", uploadScripts: true, newPassword: "new-secret", defaultGroupId: 4 };
    expect(updateUserRequest(ALICE, form)).toEqual({ fullName: "Alice L.", privileges: ["UploadScripts"], password: "new-secret", defaultGroupId: 4 });
  });

  it("takes the privilege and admin flag away", () => {
    const manager: UserDto = { ...ALICE, isAdmin: true, privileges: ["UploadScripts"] };
    expect(updateUserRequest(manager, { ...editFormOf(manager), isAdmin: false, uploadScripts: false })).toEqual({ isAdmin: false, privileges: [] });
  });
});

describe("privilegesWith", () => {
  it("adds UploadScripts once and removes it", () => {
    expect(privilegesWith(["UploadScripts"], true)).toEqual(["UploadScripts"]);
    expect(privilegesWith([], true)).toEqual(["UploadScripts"]);
    expect(privilegesWith(["UploadScripts"], false)).toEqual([]);
  });
});
