// The committed generated artefacts (docs/errors.md, docs/openapi.json) must match the code.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { errorsMarkdown, openapiJson } from "../tools/gen-docs.ts";

test("docs/errors.md lists exactly the error catalogue with its HTTP statuses", () => {
  assert.equal(readFileSync("docs/errors.md", "utf8"), errorsMarkdown(), "docs/errors.md is stale: run `npm run gen`");
});

test("docs/openapi.json is the document the server serves", async () => {
  assert.equal(readFileSync("docs/openapi.json", "utf8"), await openapiJson(), "docs/openapi.json is stale: run `npm run gen`");
});
