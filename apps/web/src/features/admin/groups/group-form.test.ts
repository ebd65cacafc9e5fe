import { describe, expect, it } from "vitest";
import { GROUP_PERMISSIONS, type UserDto } from "@fovea/model";
import { addMemberRequest, createGroupRequest, EMPTY_GROUP_FORM, mayManageMembers, PERMISSION_CHOICES } from "./group-form.ts";

const OWNER: UserDto = {
  type: "User", id: 5, username: "pi", fullName: "", email: "", isAdmin: false, privileges: [], defaultGroupId: 3,
  groups: [{ id: 3, name: "Imaging", permissions: "read-only", isOwner: true }, { id: 2, name: "Demo Lab", permissions: "read-annotate", isOwner: false }],
  createdAt: "2026-01-01T00:00:00.000Z",
};

describe("group requests", () => {
  it("trims the name and leaves an empty description out", () => {
    expect(createGroupRequest({ ...EMPTY_GROUP_FORM, name: " Imaging ", description: "  " })).toEqual({ name: "Imaging", permissions: "private" });
    expect(createGroupRequest({ name: "X", description: "Confocal users", permissions: "read-write" }))
      .toEqual({ name: "X", description: "Confocal users", permissions: "read-write" });
  });

  it("adds a member by username, as owner only when asked", () => {
    expect(addMemberRequest(" alice ", false)).toEqual({ user: "alice" });
    expect(addMemberRequest("alice", true)).toEqual({ user: "alice", owner: true });
  });

  it("offers every permission level the model knows, in order", () => {
    expect(PERMISSION_CHOICES.map((c) => c.value)).toEqual([...GROUP_PERMISSIONS]);
  });
});

describe("who manages members", () => {
  it("lets an owner manage its own group only, and an administrator any", () => {
    expect(mayManageMembers(OWNER, { id: 3 })).toBe(true);
    expect(mayManageMembers(OWNER, { id: 2 })).toBe(false);
    expect(mayManageMembers({ ...OWNER, isAdmin: true, groups: [] }, { id: 2 })).toBe(true);
  });
});
