import { describe, expect, it } from "vitest";
import { FoveaError } from "@fovea/model";
import { formErrorsOf, formFieldOf, friendlyIssue } from "./field-errors.ts";

const USER_FIELDS = { fields: ["username", "password", "email", "fullName", "groups"], conflictField: "username", notFoundField: "groups" } as const;

describe("formErrorsOf", () => {
  it("places every schema issue on its field, in words a person reads", () => {
    // The details exactly as the server sends them for POST /users.
    const err = new FoveaError("VALIDATION_FAILED", "Invalid request: body.username must match pattern", {
      details: [
        { field: "body.username", message: 'must match pattern "^[A-Za-z0-9_.@-]+$"' },
        { field: "body.password", message: "must not have fewer than 8 characters" },
        { field: "body.email", message: "must not have more than 255 characters" },
      ],
    });
    expect(formErrorsOf(err, USER_FIELDS)).toEqual({
      fields: {
        username: "may contain only letters, digits and _ . @ -",
        password: "must be at least 8 characters",
        email: "must be at most 255 characters",
      },
    });
  });

  it("keeps issues about fields the form does not have in the summary", () => {
    const err = new FoveaError("VALIDATION_FAILED", "x", { details: [{ field: "body.colour", message: "unknown field" }, { field: "body.password", message: "is required" }] });
    expect(formErrorsOf(err, USER_FIELDS)).toEqual({ fields: { password: "is required" }, summary: "colour unknown field" });
  });

  it("puts a CONFLICT on the taken name and a NOT_FOUND on the field that named it", () => {
    expect(formErrorsOf(new FoveaError("CONFLICT", 'A user named "demo" already exists'), USER_FIELDS))
      .toEqual({ fields: { username: 'A user named "demo" already exists' } });
    expect(formErrorsOf(new FoveaError("NOT_FOUND", "Group Nope not found"), USER_FIELDS))
      .toEqual({ fields: { groups: "Group Nope not found" } });
  });

  it("shows any other refusal as a summary", () => {
    expect(formErrorsOf(new FoveaError("FORBIDDEN", "Administrators only"), USER_FIELDS)).toEqual({ fields: {}, summary: "Administrators only" });
    expect(formErrorsOf(new FoveaError("CONFLICT", "taken"), { fields: ["name"] })).toEqual({ fields: {}, summary: "taken" });
    expect(formErrorsOf(new TypeError("Failed to fetch"), USER_FIELDS)).toEqual({ fields: {}, summary: "Failed to fetch" });
  });

  it("joins two issues about one field", () => {
    const err = new FoveaError("VALIDATION_FAILED", "x", { details: [{ field: "body.name", message: "a" }, { field: "body.name", message: "b" }] });
    expect(formErrorsOf(err, { fields: ["name"] }).fields).toEqual({ name: "a; b" });
  });
});

describe("field names and wording", () => {
  it("strips the body prefix and any index", () => {
    expect(formFieldOf("body.groups[0]")).toBe("groups");
    expect(formFieldOf("body.name")).toBe("name");
    expect(formFieldOf("file")).toBe("file");
  });

  it("says an empty required text is required", () => {
    expect(friendlyIssue("name", "must not have fewer than 1 characters")).toBe("is required");
    expect(friendlyIssue("name", "something else")).toBe("something else");
  });
});
