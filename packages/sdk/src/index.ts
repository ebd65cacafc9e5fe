/**
 * @fovea/sdk: what Fovea script authors import.
 *
 * @example
 * import { defineScript, p } from "@fovea/sdk";
 * export default defineScript({ name: "Hello", params: { IDs: p.list(p.long()) }, run: (ctx, { IDs }) => ({ Message: `${IDs.length} ids` }) });
 */
export { defineScript, type DefinedScript, type ScriptDefinition, type ScriptMeta } from "./define-script.ts";
export { p, type InputsOf, type ListElement, type ListOptions, type ObjectOptions, type Param, type ParamOptions, type ParamValue, type Params } from "./params.ts";
export { toDeclaration } from "./declaration.ts";
export { checkOutputs, type OutputValue, type Outputs, type UrlOutput } from "./outputs.ts";
export { createContext, type ContextOptions, type ScriptContext } from "./context.ts";
export type { ImageHelpers, ImageSource } from "./helpers/images.ts";
export type { RoiHelpers } from "./helpers/rois.ts";
export type { PixelHelpers, MeasuredShape, PathSampleOptions, SampledPath, NewImage, WritePlane } from "./helpers/measure.ts";
export type { AttachOptions, FileHelpers } from "./helpers/files.ts";
export type { ChildMessage } from "./protocol-wire.ts";
