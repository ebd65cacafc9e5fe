/**
 * docs/errors.md lists exactly the codes of the catalogue (ERROR_CODES) with the statuses of the
 * one code → status table (HTTP_STATUS): no code missing, none extra, none with a stale status.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { ERROR_CODES } from "@fovea/model";
import { HTTP_STATUS } from "@fovea/server";

const ERRORS_MD = fileURLToPath(new URL("../../docs/errors.md", import.meta.url));

/**
 * The rows of the markdown table `| CODE | status | meaning |` (the code may be in backticks):
 * every table line after the header and its `|---|` separator.
 */
function tableRows(markdown: string): { code: string; status: string; meaning: string }[] {
  const lines = markdown.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("|"));
  const separator = lines.findIndex((l) => /^\|[\s:|-]+\|$/.test(l));
  assert.ok(separator > 0, "docs/errors.md has a markdown table with a header and a |---| separator");
  return lines.slice(separator + 1).map((line) => {
    const cells = line.slice(1, line.endsWith("|") ? -1 : undefined).split("|").map((c) => c.trim());
    assert.ok(cells.length >= 3, `a row has code, status and meaning: ${line}`);
    return { code: cells[0]!.replace(/`/g, ""), status: cells[1]!, meaning: cells.slice(2).join("|") };
  });
}

test("docs/errors.md lists exactly the error codes, with their HTTP statuses", () => {
  assert.ok(existsSync(ERRORS_MD), `docs/errors.md does not exist yet: it must list every error code (${ERRORS_MD})`);
  const rows = tableRows(readFileSync(ERRORS_MD, "utf8"));
  const documented = rows.map((r) => r.code);
  assert.equal(new Set(documented).size, documented.length, `no code is listed twice: ${documented.join(", ")}`);
  assert.deepEqual([...documented].sort(), Object.keys(ERROR_CODES).sort(), "docs/errors.md lists every code of ERROR_CODES and nothing more");
  for (const row of rows) {
    const status = HTTP_STATUS[row.code as keyof typeof HTTP_STATUS];
    assert.equal(row.status, String(status), `${row.code}: docs/errors.md says ${row.status}, HTTP_STATUS says ${status}`);
    assert.ok(row.meaning.length > 0, `${row.code} has a meaning`);
  }
});

test("every error code has an HTTP status in the client or server error range", () => {
  assert.deepEqual(Object.keys(HTTP_STATUS).sort(), Object.keys(ERROR_CODES).sort());
  for (const [code, status] of Object.entries(HTTP_STATUS)) {
    assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${code} → ${status}`);
  }
});
