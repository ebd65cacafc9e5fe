/**
 * The order and nesting of a script's parameters in its form (SPEC §4 grouping): dotted keys sort
 * numerically (1, 2, 2.1, 2.2, 10), a parameter nests under the parameter with the longest
 * grouping that prefixes its own, and one under a **bool** is enabled only while that box (and
 * every bool above it) is ticked. Parameters without a grouping follow, in declaration order.
 */
import type { ParamDecl } from "@fovea/model";

export interface ParamNode {
  readonly param: ParamDecl;
  readonly children: readonly ParamNode[];
}

/** Compares two dotted keys part by part as numbers ("2.10" after "2.9", "2" before "2.1"). */
export function compareGroupings(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** The parameters in form order: grouped ones by key, then the ungrouped ones as declared. */
export function orderParams(params: readonly ParamDecl[]): ParamDecl[] {
  const grouped = params.filter((p) => p.grouping !== undefined);
  grouped.sort((a, b) => compareGroupings(a.grouping!, b.grouping!));
  return [...grouped, ...params.filter((p) => p.grouping === undefined)];
}

/** Proper prefixes of a dotted key, nearest first: "2.1.3" → ["2.1", "2"]. */
function prefixes(grouping: string): string[] {
  const parts = grouping.split(".");
  const out: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) out.push(parts.slice(0, n).join("."));
  return out;
}

/** The parameters as a tree (each under its nearest declared ancestor grouping). */
export function buildParamTree(params: readonly ParamDecl[]): ParamNode[] {
  const byGrouping = new Map(params.filter((p) => p.grouping !== undefined).map((p) => [p.grouping!, p]));
  const children = new Map<string, ParamDecl[]>();
  const roots: ParamDecl[] = [];
  for (const p of orderParams(params)) {
    const parent = p.grouping === undefined ? undefined : prefixes(p.grouping).map((k) => byGrouping.get(k)).find((q) => q !== undefined);
    if (parent) children.set(parent.name, [...(children.get(parent.name) ?? []), p]);
    else roots.push(p);
  }
  const node = (p: ParamDecl): ParamNode => ({ param: p, children: (children.get(p.name) ?? []).map(node) });
  return roots.map(node);
}

/**
 * For each parameter, the names of the bool parameters above it (any declared prefix of its
 * grouping, as the shared validator's "disabled by parent" rule reads it).
 */
export function boolAncestors(params: readonly ParamDecl[]): Map<string, string[]> {
  const byGrouping = new Map(params.filter((p) => p.grouping !== undefined).map((p) => [p.grouping!, p]));
  return new Map(params.map((p) => [
    p.name,
    p.grouping === undefined ? [] : prefixes(p.grouping).map((k) => byGrouping.get(k)).filter((q) => q?.type === "bool").map((q) => q!.name),
  ]));
}
