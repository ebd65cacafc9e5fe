/**
 * OME-NGFF image metadata (0.4 in `.zattrs`, 0.5 under `attributes.ome` of `zarr.json`): axes by
 * name, the level-0 dataset path, physical sizes from its scale transform (times any
 * multiscale-wide scale) in the axes' units, and the `omero` rendering block. Pure functions;
 * errors are plain Errors with a reason that the reader prefixes with the file name.
 */
import type { ChannelMeta } from "@fovea/core";
import { lengthFactorToMicrons, positiveOrUndefined, timeFactorToSeconds } from "./units.ts";

/** The NGFF axis names Fovea maps onto its dimensions. */
export type AxisName = "t" | "c" | "z" | "y" | "x";
const AXIS_NAMES: readonly string[] = ["t", "c", "z", "y", "x"];

/** One NGFF multiscale image, level 0, in Fovea's units. */
export interface NgffImage {
  readonly name?: string | undefined;
  readonly version?: string | undefined;
  /** Axis names in array order. */
  readonly axes: readonly AxisName[];
  /** Path of the full-resolution array, relative to the image group. */
  readonly level0Path: string;
  readonly physicalSizeX?: number | undefined;
  readonly physicalSizeY?: number | undefined;
  readonly physicalSizeZ?: number | undefined;
  readonly timeIncrement?: number | undefined;
  /** From `omero.channels` (may be shorter or longer than the channel axis). */
  readonly channels: readonly ChannelMeta[];
}

type Json = Record<string, unknown>;

/** Valid NGFF that Fovea does not model (e.g. a custom "angle" axis): UNSUPPORTED, not corrupt. */
export class NgffUnsupportedError extends Error {
  override readonly name = "NgffUnsupportedError";
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The attributes holding `multiscales`: the 0.5 `ome` namespace or the attributes themselves. */
export function ngffAttributes(attributes: unknown): Json | undefined {
  if (!isObject(attributes)) return undefined;
  if (isObject(attributes.ome) && Array.isArray(attributes.ome.multiscales)) return attributes.ome;
  return Array.isArray(attributes.multiscales) ? attributes : undefined;
}

/** Why a group with OME attributes but no image is not importable, if that is the case. */
export function nonImageLayout(attributes: unknown): string | undefined {
  const a = isObject(attributes) ? (isObject(attributes.ome) ? attributes.ome : attributes) : {};
  if ("plate" in a) return "an OME-Zarr plate (HCS) is not supported; import one of its images";
  if ("bioformats2raw.layout" in a) return "a bioformats2raw OME-Zarr container is not supported; import one of its image folders (e.g. 0/)";
  return undefined;
}

interface Axis {
  name: AxisName;
  unit?: string | undefined;
}

function parseAxes(raw: unknown): Axis[] {
  // NGFF 0.1/0.2 had no axes: the arrays were always 5-D t, c, z, y, x.
  if (raw === undefined) return (["t", "c", "z", "y", "x"] as const).map((name) => ({ name }));
  if (!Array.isArray(raw)) throw new Error("multiscales axes is not a list");
  const axes = raw.map((a): Axis => {
    const name = typeof a === "string" ? a : isObject(a) ? a.name : undefined;
    if (typeof name !== "string") throw new Error(`axis ${JSON.stringify(a)} has no name`);
    if (!AXIS_NAMES.includes(name.toLowerCase())) throw new NgffUnsupportedError(`axis "${name}" is not supported (only t, c, z, y, x)`);
    const unit = isObject(a) && typeof a.unit === "string" ? a.unit : undefined;
    return { name: name.toLowerCase() as AxisName, unit };
  });
  const names = axes.map((a) => a.name);
  if (new Set(names).size !== names.length) throw new Error(`axes ${names.join(",")} repeat a name`);
  if (!names.includes("x") || !names.includes("y")) throw new Error(`axes ${names.join(",")} lack y or x`);
  return axes;
}

/** Product of the `scale` transforms in a coordinateTransformations list (translations ignored). */
function scaleOf(transforms: unknown, rank: number): number[] {
  const out = new Array<number>(rank).fill(1);
  if (!Array.isArray(transforms)) return out;
  for (const t of transforms) {
    if (isObject(t) && t.type === "scale" && Array.isArray(t.scale) && t.scale.length === rank) {
      t.scale.forEach((v, i) => { out[i]! *= typeof v === "number" ? v : NaN; });
    }
  }
  return out;
}

function omeroChannels(omero: unknown): ChannelMeta[] {
  if (!isObject(omero) || !Array.isArray(omero.channels)) return [];
  return omero.channels.map((ch, i): ChannelMeta => {
    const c = isObject(ch) ? ch : {};
    const label = typeof c.label === "string" && c.label.trim() ? c.label.trim() : `Ch${i + 1}`;
    const color = typeof c.color === "string" && /^[0-9a-f]{6}$/i.test(c.color) ? c.color.toUpperCase() : undefined;
    const w = isObject(c.window) ? c.window : undefined;
    const window = w && typeof w.start === "number" && typeof w.end === "number" ? { start: w.start, end: w.end } : undefined;
    return { name: label, color, window };
  });
}

/** The first multiscale image of the attributes; throws with a reason when unusable. */
export function parseNgffImage(attributes: unknown): NgffImage {
  const ome = ngffAttributes(attributes);
  if (!ome) throw new Error("no OME-NGFF multiscales in the attributes");
  const ms = (ome.multiscales as unknown[])[0];
  if (!isObject(ms)) throw new Error("multiscales[0] is not an object");
  const axes = parseAxes(ms.axes);
  const datasets = ms.datasets;
  const level0 = Array.isArray(datasets) ? datasets[0] : undefined;
  if (!isObject(level0) || typeof level0.path !== "string") throw new Error("multiscales[0] has no datasets[0].path");
  const scale = scaleOf(level0.coordinateTransformations, axes.length);
  const wide = scaleOf(ms.coordinateTransformations, axes.length);
  const sized = (name: AxisName, factor: (unit: string) => number | undefined): number | undefined => {
    const i = axes.findIndex((a) => a.name === name);
    const unit = axes[i]?.unit;
    // Without a unit the scale's meaning is unknown; claiming micrometres would be a guess.
    const f = i < 0 || unit === undefined ? undefined : factor(unit);
    return f === undefined ? undefined : positiveOrUndefined(scale[i]! * wide[i]! * f);
  };
  const omeroName = isObject(ome.omero) && typeof ome.omero.name === "string" ? ome.omero.name : undefined;
  return {
    name: (typeof ms.name === "string" && ms.name) || omeroName || undefined,
    version: typeof ms.version === "string" ? ms.version : typeof ome.version === "string" ? ome.version : undefined,
    axes: axes.map((a) => a.name),
    level0Path: level0.path,
    physicalSizeX: sized("x", lengthFactorToMicrons),
    physicalSizeY: sized("y", lengthFactorToMicrons),
    physicalSizeZ: sized("z", lengthFactorToMicrons),
    timeIncrement: sized("t", timeFactorToSeconds),
    channels: omeroChannels(ome.omero),
  };
}
