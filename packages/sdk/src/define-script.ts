/**
 * `defineScript`: the one thing a script module must call. It returns the definition (with its
 * declaration) and, when the runner started the module (FOVEA_MODE is set), speaks the runner
 * protocol itself, so that a bundled script is directly executable with `node script.mjs`.
 */
import type { ScriptDeclaration } from "@fovea/model";
import type { ScriptContext } from "./context.ts";
import { toDeclaration } from "./declaration.ts";
import type { Outputs } from "./outputs.ts";
import type { InputsOf, Params } from "./params.ts";
import { runProtocol } from "./protocol-main.ts";

/** What a script says about itself (SPEC §4); everything but `name` is optional. */
export interface ScriptMeta {
  /** Shown in menus, e.g. "Batch ROI Export". */
  readonly name: string;
  /** Menu folder, e.g. `export_scripts`. */
  readonly folder?: string;
  readonly description?: string;
  readonly authors?: readonly string[];
  readonly institutions?: readonly string[];
  readonly contact?: string;
  readonly version?: string;
  /** Wall-clock limit asked for; the server caps it. */
  readonly timeoutSeconds?: number;
  /** Memory asked for (MB); the server caps it. */
  readonly memoryMb?: number;
  /** Safe to start again from scratch when its worker was lost. */
  readonly rerunnable?: boolean;
}

export interface ScriptDefinition<P extends Params = Params> extends ScriptMeta {
  /** Parameters by name (`Data_Type`, `IDs`, …), in the order the form shows them. */
  readonly params: P;
  /** The work. `inputs` are validated, with defaults filled in; return the outputs (or nothing). */
  run(ctx: ScriptContext, inputs: InputsOf<P>): Outputs | void | Promise<Outputs | void>;
}

/** A definition as `defineScript` returns it: frozen, with the declaration the runner reads. */
export type DefinedScript<P extends Params = Params> = ScriptDefinition<P> & { readonly declaration: ScriptDeclaration };

let started = false;

/**
 * Declares a script. Export its result as the module's default.
 *
 * @example
 * export default defineScript({
 *   name: "Hello World", folder: "util_scripts",
 *   params: {
 *     Data_Type: p.string({ values: ["Dataset"], default: "Dataset", grouping: "1" }),
 *     IDs: p.list(p.long(), { grouping: "2" }),
 *   },
 *   async run(ctx, inputs) {                       // inputs: { Data_Type: "Dataset"; IDs: number[] }
 *     const images = await ctx.images.ofDatasets(inputs.IDs);
 *     return { Message: `Returned ${images.length} images` };
 *   },
 * });
 */
export function defineScript<P extends Params>(definition: ScriptDefinition<P>): DefinedScript<P> {
  const script: DefinedScript<P> = Object.freeze({ ...definition, declaration: toDeclaration(definition) });
  const mode = typeof process === "undefined" ? undefined : process.env.FOVEA_MODE;
  // Only the first definition of a process speaks: a bundle that pulls in a second script module
  // (a shared helper that defines one) must not answer twice.
  if (mode !== undefined && mode !== "" && !started) {
    started = true;
    void runProtocol(script as unknown as DefinedScript, mode);
  }
  return script;
}
