import { test } from "node:test";
import assert from "node:assert/strict";
import { parseIdArg, parseRefArg } from "./ref-args.ts";
import { UsageError } from "./usage-error.ts";

const usage = (re: RegExp) => (e: unknown) => e instanceof UsageError && re.test(e.message);

test("accepts an allowed type, case-insensitively", () => {
  assert.deepEqual(parseRefArg("image:12", ["Image"]), { type: "Image", id: 12 });
  assert.deepEqual(parseRefArg(" Dataset:3 ", ["Project", "Dataset"]), { type: "Dataset", id: 3 });
});

test("says why a reference is malformed and what was expected", () => {
  assert.throws(() => parseRefArg("Imgae:3", ["Image"]), usage(/"Imgae:3" is not an object reference \(unknown type "Imgae"\); expected Image:ID/));
  assert.throws(() => parseRefArg("Image:0", ["Image"]), usage(/the ID must be a positive whole number/));
  assert.throws(() => parseRefArg("Image:x", ["Image"]), usage(/the ID must be a positive whole number/));
  assert.throws(() => parseRefArg("12", ["Image"]), usage(/^"12" is not an object reference; expected Image:ID$/));
});

test("a well-formed reference of another type is refused with the accepted types", () => {
  assert.throws(() => parseRefArg("Roi:5", ["Project", "Dataset", "Image"]), usage(/Roi:5 cannot be used here; expected Project:ID, Dataset:ID, Image:ID/));
});

test("parseIdArg takes a bare id or a ref of the given type", () => {
  assert.equal(parseIdArg("7", "Group"), 7);
  assert.equal(parseIdArg("Group:7", "Group"), 7);
  assert.equal(parseIdArg("User:7", "Group"), undefined);
  assert.equal(parseIdArg("lab", "Group"), undefined);
  assert.equal(parseIdArg("0", "Group"), undefined);
});
