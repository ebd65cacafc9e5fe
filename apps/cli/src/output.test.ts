import { test } from "node:test";
import assert from "node:assert/strict";
import { FoveaError } from "@fovea/model";
import { errorEnvelope, formatErrorText, formatTable, Output } from "./output.ts";

function capture(): { sink: { write(s: string): void }; text(): string } {
  let text = "";
  return { sink: { write: (s: string) => void (text += s) }, text: () => text };
}

test("formatTable aligns columns, trims trailing spaces and flattens newlines", () => {
  const table = formatTable(["REF", "NAME", "NOTE"], [["Project:1", "P", ""], ["Project:12", "Long name", "two\nlines"]]);
  assert.equal(table, ["REF         NAME       NOTE", "Project:1   P", "Project:12  Long name  two lines"].join("\n"));
});

test("error text lists each offending field under the message, then the hint", () => {
  const err = new FoveaError("SHAPE_INVALID", "shapes.json: 2 invalid fields", {
    details: [{ field: "roi.shapes[0].points", message: "must be an array" }, { param: "IDs", message: "required" }],
  });
  assert.equal(formatErrorText(err, "fix it"), "error: shapes.json: 2 invalid fields\n  roi.shapes[0].points: must be an array\n  IDs: required\nhint: fix it\n");
  assert.equal(formatErrorText(new Error("boom")), "error: boom\n");
});

test("object details are printed unless the message already says them", () => {
  const err = new FoveaError("INTERNAL", "cannot reach http://h:1", { details: { url: "http://h:1", attempt: 2 } });
  assert.equal(formatErrorText(err), "error: cannot reach http://h:1\n  attempt: 2\n");
});

test("with --json, a result is one JSON document on stdout and nothing else", () => {
  const out = capture();
  const err = capture();
  const o = new Output(out.sink, err.sink);
  o.json = true;
  o.result({ type: "Dataset", id: 3, name: "D" }, () => assert.fail("text must not be computed with --json"));
  assert.deepEqual(JSON.parse(out.text()), { type: "Dataset", id: 3, name: "D" });
  assert.throws(() => o.result({}, ""), /two results/);
});

test("with --json, an error prints the envelope on stdout and the message on stderr", () => {
  const out = capture();
  const err = capture();
  const o = new Output(out.sink, err.sink);
  o.json = true;
  o.error(new FoveaError("NOT_FOUND", "Image 9 not found"));
  assert.deepEqual(JSON.parse(out.text()), { error: { code: "NOT_FOUND", message: "Image 9 not found" } });
  assert.equal(err.text(), "error: Image 9 not found\n");
});

test("without --json, results are text and errors go to stderr only", () => {
  const out = capture();
  const err = capture();
  const o = new Output(out.sink, err.sink);
  o.result({ id: 1 }, "Project:1 P");
  o.error(new Error("late failure"));
  assert.equal(out.text(), "Project:1 P\n");
  assert.equal(err.text(), "error: late failure\n");
});

test("a non-Fovea error gets the INTERNAL code in its envelope", () => {
  assert.deepEqual(errorEnvelope(new TypeError("x")), { error: { code: "INTERNAL", message: "x" } });
});
