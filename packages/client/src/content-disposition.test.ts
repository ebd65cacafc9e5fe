import { test } from "node:test";
import assert from "node:assert/strict";
import { fileNameFromContentDisposition } from "./content-disposition.ts";

test("prefers the RFC 5987 UTF-8 name over the ASCII fallback", () => {
  const header = `attachment; filename="_cells.tif"; filename*=UTF-8''%C2%B5cells.tif`;
  assert.equal(fileNameFromContentDisposition(header), "µcells.tif");
});

test("reads quoted and bare names", () => {
  assert.equal(fileNameFromContentDisposition('attachment; filename="a \\"b\\".csv"'), 'a "b".csv');
  assert.equal(fileNameFromContentDisposition("attachment; filename=plain.txt"), "plain.txt");
});

test("falls back to the plain name when the extended one is malformed", () => {
  assert.equal(fileNameFromContentDisposition(`attachment; filename="x.txt"; filename*=UTF-8''%E0%A4%A`), "x.txt");
});

test("gives undefined without a name", () => {
  assert.equal(fileNameFromContentDisposition(null), undefined);
  assert.equal(fileNameFromContentDisposition("inline"), undefined);
});
