import { test } from "node:test";
import assert from "node:assert/strict";
import { safeFileName } from "./safe-file-name.ts";

test("keeps only the last path component of a server-chosen name", () => {
  assert.equal(safeFileName("../../.bashrc", "f"), ".bashrc");
  assert.equal(safeFileName("C:\\Windows\\evil.dll", "f"), "evil.dll");
  assert.equal(safeFileName("résultats.csv", "f"), "résultats.csv");
});

test("falls back when nothing usable is left", () => {
  assert.equal(safeFileName("..", "annotation-4"), "annotation-4");
  assert.equal(safeFileName("dir/", "annotation-4"), "annotation-4");
  assert.equal(safeFileName("\u0000\u001b", "annotation-4"), "annotation-4");
});
