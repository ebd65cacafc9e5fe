/** The pure parts of the form: grouping order and nesting, draft conversion, and the whole-form check. */
import { describe, expect, it } from "vitest";
import type { ParamDecl } from "@fovea/model";
import { draftToInput } from "./draft-to-input.ts";
import { checkForm, fieldOf, rowOf } from "./form-check.ts";
import { boolAncestors, buildParamTree, compareGroupings } from "./param-tree.ts";

const int: ParamDecl = { name: "N", type: "int" };
const float: ParamDecl = { name: "X", type: "float" };

describe("grouping", () => {
  it("sorts dotted keys part by part as numbers", () => {
    const keys = ["10", "2.2", "1", "2", "2.10", "2.1", "3"];
    expect([...keys].sort(compareGroupings)).toEqual(["1", "2", "2.1", "2.2", "2.10", "3", "10"]);
  });

  it("nests under the nearest declared ancestor and lists every bool above", () => {
    const params: ParamDecl[] = [
      { name: "A", type: "bool", grouping: "1" },
      { name: "B", type: "string", grouping: "1.1" },
      { name: "C", type: "bool", grouping: "1.1.1" },
      { name: "D", type: "int", grouping: "1.1.1.5" },
      { name: "E", type: "int", grouping: "2.3" },
    ];
    const tree = buildParamTree(params);
    expect(tree.map((n) => n.param.name)).toEqual(["A", "E"]);
    expect(tree[0]?.children[0]?.children[0]?.children[0]?.param.name).toBe("D");
    expect(boolAncestors(params).get("D")).toEqual(["C", "A"]);
    expect(boolAncestors(params).get("E")).toEqual([]);
  });
});

describe("draft conversion", () => {
  it("reads numbers strictly", () => {
    expect(draftToInput(int, { kind: "number", text: " 42 ", badInput: false })).toEqual({ value: 42, issues: [] });
    expect(draftToInput(float, { kind: "number", text: "-1.5e3", badInput: false }).value).toBe(-1500);
    expect(draftToInput(float, { kind: "number", text: "abc", badInput: false }).issues).toEqual([{ param: "X", code: "WRONG_TYPE", message: 'X must be a number, not "abc"' }]);
    expect(draftToInput(int, { kind: "number", text: "", badInput: true }).issues[0]?.message).toBe("N must be a number");
    expect(draftToInput(int, { kind: "number", text: "", badInput: false })).toEqual({ value: undefined, issues: [] });
  });

  it("reads colours as #RRGGBB and maps without blank rows", () => {
    expect(draftToInput({ name: "C", type: "color" }, { kind: "text", text: "00ff7f" }).value).toBe("#00FF7F");
    const map: ParamDecl = { name: "M", type: "map" };
    expect(draftToInput(map, { kind: "map", rows: [{ key: "a", value: "1" }, { key: "", value: "" }] }).value).toEqual({ a: "1" });
    expect(draftToInput(map, { kind: "map", rows: [{ key: "a", value: "1" }, { key: "a", value: "2" }] }).issues[0]?.message).toBe('M: the key "a" is given twice');
    expect(draftToInput(map, { kind: "map", rows: [{ key: " ", value: "1" }] }).issues[0]?.message).toBe('M: the value "1" has no key');
  });

  it("maps element issues to their field and row", () => {
    expect([fieldOf("IDs[2]"), rowOf("IDs[2]"), fieldOf("Count"), rowOf("Count")]).toEqual(["IDs", 2, "Count", undefined]);
  });
});

describe("whole-form check", () => {
  it("leaves out switched-off children and keeps the validator's single issue per field", () => {
    const params: ParamDecl[] = [
      { name: "On", type: "bool", grouping: "1" },
      { name: "Need", type: "int", grouping: "1.1" },
      { name: "Count", type: "int", min: 1, grouping: "2" },
    ];
    const off = checkForm({ title: "T", params }, {
      On: { kind: "bool", checked: false }, Need: { kind: "number", text: "5", badInput: false }, Count: { kind: "number", text: "x", badInput: false },
    });
    expect(off.inputs).toEqual({ On: false });
    expect([...off.disabled]).toEqual(["Need"]);
    // The unreadable Count is reported once (not also as MISSING by the validator).
    expect(off.issues.map((i) => i.param)).toEqual(["Count"]);
  });
});
