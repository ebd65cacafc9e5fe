/**
 * Parameter builders (`p.string()`, `p.list(p.long())`, …). Each returns a plain declaration
 * fragment plus, at the type level only, the value the script will receive, so that `run()`'s
 * inputs are inferred from `params` without the author writing a type.
 */
import type { ListElementType, ObjectRef, ObjectType, ParamDecl, ParamType } from "@fovea/model";

/** Phantom key: carries the value type and presence of a parameter; never present at run time. */
declare const VALUE: unique symbol;

/** A parameter as built by `p.*`: its declaration (without the name, which is its key in `params`). */
export interface Param<T = unknown, Present extends boolean = boolean, K extends ParamType = ParamType> {
  readonly spec: Omit<ParamDecl, "name"> & { readonly type: K };
  readonly [VALUE]?: { readonly value: T; readonly present: Present };
}

/** The options every parameter takes (SPEC §4). `values`, `min` and `max` constrain each list element. */
export interface ParamOptions<T> {
  readonly description?: string;
  /** Default false. An optional parameter without a default arrives as `undefined`. */
  readonly optional?: boolean;
  readonly default?: T;
  /** Allowed choices; with literals (`["Dataset", "Image"]`) the input's type narrows to them. */
  readonly values?: readonly T[];
  readonly min?: number;
  readonly max?: number;
  /** Dotted order key (`"1"`, `"2"`, `"2.1"`); a child of a bool's grouping is shown under its checkbox. */
  readonly grouping?: string;
}

/** The value type a parameter declares: its `values` when given, else the base type. */
type Narrowed<O, T> = O extends { readonly values: readonly (infer V)[] } ? V : T;

/**
 * Whether the input is always there: it is when a default exists or `optional` is (literally)
 * false or absent. `optional: boolean` (not a literal) counts as optional, the safe side.
 */
type Presence<O> = O extends { readonly default: unknown } ? true
  : O extends { readonly optional: false } ? true
  : O extends { readonly optional: boolean } ? false
  : true;

/** The value a parameter gives to `run()`, with `undefined` when it may be absent. */
export type ParamValue<P> = P extends Param<infer T, infer Present> ? (Present extends true ? T : T | undefined) : never;

/** The parameters of a script, keyed by their names (`Data_Type`, `IDs`, …). */
export type Params = Readonly<Record<string, Param>>;

/** The `inputs` argument of `run()`: one property per parameter, typed from its builder. */
export type InputsOf<P extends Params> = { -readonly [K in keyof P]: ParamValue<P[K]> };

/**
 * Builds the declaration fragment. The result's phantom types are `never`, which the typed
 * builders below widen to what they declare (a Param<never, never> fits every Param).
 */
function build<K extends ParamType>(type: K, opts: object | undefined, extra: Partial<ParamDecl> = {}): Param<never, never, K> {
  const spec: Record<string, unknown> = { type, ...extra };
  // Copied key by key so that only declared fields reach the declaration (its schema is strict).
  for (const key of ["description", "optional", "default", "values", "min", "max", "grouping"] as const) {
    const v = (opts as Partial<Record<typeof key, unknown>> | undefined)?.[key];
    if (v !== undefined) spec[key] = Array.isArray(v) ? [...v] : v;
  }
  return { spec: spec as Param<never, never, K>["spec"] };
}

type Scalar<T, K extends ParamType> = <const O extends ParamOptions<T> = {}>(opts?: O) => Param<Narrowed<O, T>, Presence<O>, K>;

/** A builder whose options take no `values` narrowing (bool, map). */
type Plain<T, K extends ParamType> = <const O extends Omit<ParamOptions<T>, "values" | "min" | "max"> = {}>(opts?: O) => Param<T, Presence<O>, K>;

export interface ObjectOptions<T extends ObjectType> extends Omit<ParamOptions<ObjectRef<T> | string>, "values" | "min" | "max"> {}

/** Elements a list may hold: scalars and object references, as the declaration schema allows. */
export type ListElement = Param<unknown, boolean, ListElementType>;

/** The value of one list element (never undefined: a list holds no holes). */
type ElementOf<E> = E extends Param<infer T, boolean> ? T : never;

/** A list's options: `values`/`min`/`max` apply to each element, `default` is a whole list. */
export interface ListOptions<T> extends Omit<ParamOptions<T>, "default"> {
  readonly default?: readonly T[];
}

/**
 * The parameter builders.
 *
 * @example
 * params: {
 *   Data_Type: p.string({ values: ["Dataset", "Image"], default: "Dataset", grouping: "1" }),
 *   IDs: p.list(p.long(), { grouping: "2" }),                 // number[]
 *   Line_Width: p.int({ default: 4, min: 1 }),                // number
 *   Pixel_Size: p.float({ optional: true }),                  // number | undefined
 *   Image: p.object(["Image"]),                               // { type: "Image"; id: number }
 * }
 */
export const p = {
  string: ((opts) => build("string", opts)) as Scalar<string, "string">,
  /** An integer id-like value (OMERO's rlong). */
  long: ((opts) => build("long", opts)) as Scalar<number, "long">,
  int: ((opts) => build("int", opts)) as Scalar<number, "int">,
  float: ((opts) => build("float", opts)) as Scalar<number, "float">,
  bool: ((opts) => build("bool", opts)) as Plain<boolean, "bool">,
  /** A colour, received as `#RRGGBB`. */
  color: ((opts) => build("color", opts)) as Scalar<string, "color">,
  /** Text keys to text values. */
  map: ((opts) => build("map", opts)) as Plain<Record<string, string>, "map">,
  /** An input file, received as a FileAnnotation reference (read it with `ctx.files.read`). */
  file: <const O extends Omit<ParamOptions<ObjectRef<"FileAnnotation"> | string>, "values" | "min" | "max"> = {}>(opts?: O): Param<ObjectRef<"FileAnnotation">, Presence<O>, "file"> =>
    build("file", opts),
  /** A reference to one object of the given types, received as `{ type, id }`. */
  object: <const T extends ObjectType, const O extends ObjectOptions<T> = {}>(types: readonly [T, ...T[]], opts?: O): Param<ObjectRef<T>, Presence<O>, "object"> =>
    build("object", opts, { objectTypes: [...types] }),
  /**
   * A list of one element type. The element builder's `values`/`min`/`max` (or the list's own)
   * apply to every element; the element's `description`, `optional` and `default` are ignored.
   */
  list: <E extends ListElement, const O extends ListOptions<ElementOf<E>> = {}>(element: E, opts?: O): Param<Narrowed<O, ElementOf<E>>[], Presence<O>, "list"> => {
    const el = element.spec;
    const values = opts?.values ?? el.values;
    const min = opts?.min ?? el.min;
    const max = opts?.max ?? el.max;
    return build("list", { ...opts, values, min, max }, {
      element: el.type,
      ...(el.objectTypes !== undefined && { objectTypes: el.objectTypes }),
    });
  },
};
