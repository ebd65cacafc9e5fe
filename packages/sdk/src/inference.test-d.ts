/**
 * Type-level tests of the SDK's input inference: checked by `tsc -p tsconfig.json --noEmit`, never
 * run. Each `expectType<Equal<…>>()` fails to compile when an inferred type drifts from the one
 * written here, and each `@ts-expect-error` fails when a mistake stops being one.
 */
import type { ObjectRef } from "@fovea/model";
import { defineScript, p, type InputsOf, type ScriptContext } from "./index.ts";

/** Exact type equality (distinguishes `T` from `T | undefined`, `any` from everything). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<_ extends true>(): void {}

const params = {
  Data_Type: p.string({ values: ["Dataset", "Image"] as const, default: "Dataset", grouping: "1" }),
  Unlisted: p.string({ values: ["A", "B"] }),
  IDs: p.list(p.long(), { grouping: "2" }),
  Channels: p.list(p.int({ min: 1 }), { default: [1, 2, 3, 4] }),
  Names: p.list(p.string(), { optional: true }),
  Modes: p.list(p.string({ values: ["fast", "slow"] })),
  Label: p.string(),
  Note: p.string({ optional: true }),
  Title: p.string({ optional: true, default: "untitled" }),
  Strict: p.string({ optional: false }),
  Line_Width: p.int({ default: 4, min: 1 }),
  Ratio: p.float({ optional: true }),
  Count: p.long(),
  Flag: p.bool({ default: false }),
  Maybe: p.bool({ optional: true }),
  Tint: p.color({ default: "#FF0000" }),
  Pairs: p.map(),
  Target: p.object(["Image", "Dataset"]),
  Rois: p.list(p.object(["Roi"]), { optional: true }),
  Input_File: p.file(),
  Other_File: p.file({ optional: true }),
};

type Inputs = InputsOf<typeof params>;

expectType<Equal<Inputs["Data_Type"], "Dataset" | "Image">>();
expectType<Equal<Inputs["Unlisted"], "A" | "B">>();
expectType<Equal<Inputs["IDs"], number[]>>();
expectType<Equal<Inputs["Channels"], number[]>>();
expectType<Equal<Inputs["Names"], string[] | undefined>>();
expectType<Equal<Inputs["Modes"], ("fast" | "slow")[]>>();
expectType<Equal<Inputs["Label"], string>>();
expectType<Equal<Inputs["Note"], string | undefined>>();
expectType<Equal<Inputs["Title"], string>>();
expectType<Equal<Inputs["Strict"], string>>();
expectType<Equal<Inputs["Line_Width"], number>>();
expectType<Equal<Inputs["Ratio"], number | undefined>>();
expectType<Equal<Inputs["Count"], number>>();
expectType<Equal<Inputs["Flag"], boolean>>();
expectType<Equal<Inputs["Maybe"], boolean | undefined>>();
expectType<Equal<Inputs["Tint"], string>>();
expectType<Equal<Inputs["Pairs"], Record<string, string>>>();
expectType<Equal<Inputs["Target"], ObjectRef<"Image" | "Dataset">>>();
expectType<Equal<Inputs["Rois"], ObjectRef<"Roi">[] | undefined>>();
expectType<Equal<Inputs["Input_File"], ObjectRef<"FileAnnotation">>>();
expectType<Equal<Inputs["Other_File"], ObjectRef<"FileAnnotation"> | undefined>>();
expectType<Equal<keyof Inputs, keyof typeof params>>();

// Inference flows into run() without annotations, as script authors write it.
const script = defineScript({
  name: "Types",
  params: {
    Data_Type: p.string({ values: ["Dataset"], default: "Dataset" }),
    IDs: p.list(p.long()),
    Pixel_Size: p.float({ optional: true }),
  },
  run(ctx, inputs) {
    expectType<Equal<typeof ctx, ScriptContext>>();
    expectType<Equal<typeof inputs, { Data_Type: "Dataset"; IDs: number[]; Pixel_Size: number | undefined }>>();
    // @ts-expect-error: an optional input must be checked before use.
    inputs.Pixel_Size.toFixed(2);
    // @ts-expect-error: no such parameter.
    void inputs.Missing;
    return { Message: "ok", Image: ctx.ref("Image", inputs.IDs[0] ?? 1), Link: { kind: "url", href: "https://example.org", title: "docs" } };
  },
});
expectType<Equal<typeof script.declaration.params, typeof script.declaration.params>>();

defineScript({
  name: "Bad outputs",
  params: {},
  // @ts-expect-error: outputs must be strings, numbers, booleans, refs or url links.
  run: () => ({ Message: new Date() }),
});

// @ts-expect-error: a default outside the declared type.
p.int({ default: "four" });
// @ts-expect-error: lists hold scalars and objects, not maps.
p.list(p.map());
// @ts-expect-error: lists of files are not a parameter type.
p.list(p.file());
// @ts-expect-error: a list's default is a whole list.
p.list(p.long(), { default: 3 });
// @ts-expect-error: unknown object type.
p.object(["Spreadsheet"]);
