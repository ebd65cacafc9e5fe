import { test } from "node:test";
import assert from "node:assert/strict";
import { parseKeyValues } from "./key-value.ts";
import { UsageError } from "./usage-error.ts";

test("splits at the first = and keeps the rest of the value, including = and spaces", () => {
  const kv = parseKeyValues(["name=Mitosis", "description=a=b c", "empty="]);
  assert.deepEqual([...kv], [["name", "Mitosis"], ["description", "a=b c"], ["empty", ""]]);
});

test("a missing =, a bad key, an unknown key or a repeated key is a usage error naming it", () => {
  const usage = (re: RegExp) => (e: unknown) => e instanceof UsageError && e.exitCode === 2 && re.test(e.message);
  assert.throws(() => parseKeyValues(["Mitosis"]), usage(/expected KEY=VALUE, got "Mitosis"/));
  assert.throws(() => parseKeyValues(["=x"]), usage(/"" in "=x" is not a valid key/));
  assert.throws(() => parseKeyValues(["na-me=x"]), usage(/"na-me"/));
  assert.throws(() => parseKeyValues(["nme=x"], ["name", "description"]), usage(/unknown key "nme"; expected one of: name, description/));
  assert.throws(() => parseKeyValues(["name=a", "name=b"]), usage(/"name" is given twice/));
});
