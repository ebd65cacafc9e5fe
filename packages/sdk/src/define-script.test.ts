/** The SDK in-process: builders → declaration JSON, output checks. No child processes here. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { validateDeclaration } from "@fovea/model";
import { checkOutputs, defineScript, p, toDeclaration } from "./index.ts";

test("defineScript returns the frozen definition with its declaration, and runs nothing without FOVEA_MODE", () => {
  assert.equal(process.env.FOVEA_MODE, undefined);
  let ran = false;
  const script = defineScript({
    name: "Hello World", folder: "util_scripts", authors: ["Fovea Team"], version: "1.0.0",
    params: {
      Data_Type: p.string({ values: ["Dataset"], default: "Dataset", grouping: "1" }),
      IDs: p.list(p.long(), { grouping: "2", description: "Dataset IDs." }),
    },
    run() {
      ran = true;
    },
  });
  assert.ok(Object.isFrozen(script));
  assert.equal(script.name, "Hello World");
  assert.deepEqual(script.declaration, {
    name: "Hello World", folder: "util_scripts", authors: ["Fovea Team"], version: "1.0.0",
    params: [
      { name: "Data_Type", type: "string", values: ["Dataset"], default: "Dataset", grouping: "1" },
      { name: "IDs", type: "list", element: "long", description: "Dataset IDs.", grouping: "2" },
    ],
  });
  assert.deepEqual(validateDeclaration(script.declaration), []);
  assert.equal(ran, false);
});

test("every builder yields a declaration the shared schema accepts", () => {
  const decl = toDeclaration({
    name: "All types",
    params: {
      S: p.string({ description: "text", optional: true }),
      L: p.long({ min: 1 }),
      I: p.int({ default: 4, min: 1, max: 10 }),
      F: p.float({ optional: true, min: 0 }),
      B: p.bool({ default: true, grouping: "1" }),
      B_Child: p.int({ optional: true, grouping: "1.1" }),
      C: p.color({ default: "#00ff00" }),
      M: p.map({ optional: true }),
      O: p.object(["Image", "Roi"]),
      File: p.file({ optional: true }),
      LO: p.list(p.object(["Dataset"]), { optional: true }),
    },
    run: () => ({}),
  });
  assert.deepEqual(validateDeclaration(decl), []);
  assert.deepEqual(decl.params.map((q) => q.name), ["S", "L", "I", "F", "B", "B_Child", "C", "M", "O", "File", "LO"]);
  assert.deepEqual(decl.params.find((q) => q.name === "LO"), { name: "LO", type: "list", element: "object", objectTypes: ["Dataset"], optional: true });
});

test("a list takes its element's values/min/max unless it sets its own", () => {
  const decl = toDeclaration({
    name: "Lists",
    params: {
      A: p.list(p.int({ min: 1, max: 4, description: "ignored" })),
      B: p.list(p.int({ min: 1 }), { min: 2, default: [2, 3] }),
      C: p.list(p.string({ values: ["x", "y"] })),
    },
    run: () => ({}),
  });
  assert.deepEqual(decl.params, [
    { name: "A", type: "list", element: "int", min: 1, max: 4 },
    { name: "B", type: "list", element: "int", default: [2, 3], min: 2 },
    { name: "C", type: "list", element: "string", values: ["x", "y"] },
  ]);
  assert.deepEqual(validateDeclaration(decl), []);
});

test("the declaration is a copy: changing it does not change the builders' arrays", () => {
  const values = ["a", "b"];
  const param = p.string({ values });
  values.push("c");
  assert.deepEqual(param.spec.values, ["a", "b"]);
});

test("checkOutputs keeps the allowed kinds, drops undefined, and names every bad output", () => {
  assert.deepEqual(checkOutputs(undefined), {});
  assert.deepEqual(checkOutputs({
    Message: "ok", N: 3, Flag: false, Image: { type: "Image", id: 4 }, Link: { kind: "url", href: "https://x", title: "X" }, Gone: undefined,
  }), { Message: "ok", N: 3, Flag: false, Image: { type: "Image", id: 4 }, Link: { kind: "url", href: "https://x", title: "X" } });
  assert.throws(() => checkOutputs({ A: new Date(), B: Number.NaN, C: [1], D: { type: "Nope", id: 1 }, E: { type: "Image", id: 1, extra: 1 }, F: "fine" }),
    /invalid outputs A, B, C, D, E: /);
  assert.throws(() => checkOutputs("text"), /must return an object of outputs, not string/);
  assert.throws(() => checkOutputs([1]), /not a list/);
});
