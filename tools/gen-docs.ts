/**
 * Writes the generated, committed artefacts: docs/errors.md (from the error catalogue and the
 * HTTP status table) and docs/openapi.json (from the running app's routes). `npm run gen`
 * refreshes them; tests fail when they drift from the code.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ERROR_CODES, type ErrorCode } from "@fovea/model";
import { HTTP_STATUS, loadConfig, startServer } from "@fovea/server";

export function errorsMarkdown(): string {
  const rows = (Object.keys(ERROR_CODES) as ErrorCode[])
    .map((code) => `| \`${code}\` | ${HTTP_STATUS[code]} | ${ERROR_CODES[code]} |`);
  return [
    "# Error codes",
    "",
    "Every failed API request returns `{ \"error\": { \"code\", \"message\", \"details\"? } }` with the status below.",
    "`details`, when present, lists `{ field, message }` for each offending field or parameter.",
    "This file is generated from `packages/model/src/errors.ts` and `packages/server/src/http/status.ts` by",
    "`npm run gen`; a test fails when it is out of date.",
    "",
    "| code | HTTP status | meaning |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

export async function openapiJson(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "fovea-gen-"));
  const server = await startServer(loadConfig({}, { dataDir: dir, adminPassword: "generate-docs", logLevel: "silent" }), { listen: false });
  try {
    return `${JSON.stringify(server.app.swagger(), null, 2)}\n`;
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync("docs/errors.md", errorsMarkdown());
  writeFileSync("docs/openapi.json", await openapiJson());
  console.log("wrote docs/errors.md and docs/openapi.json");
}
