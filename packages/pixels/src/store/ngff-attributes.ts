/**
 * The `ome` group attributes of OME-NGFF 0.5 (Zarr v3): `multiscales` so that napari, Fiji's
 * readers and ome-zarr-py place the levels and physical units correctly, and `omero` so that they
 * show the channel names, colours and windows Fovea uses.
 */
import type { ImageMetadata } from "@fovea/core";
import type { ChannelStats } from "../common/render-defaults.ts";
import { defaultRenderSettings } from "../common/render-defaults.ts";

/** Axis order of every array in the store. */
export const AXES = ["t", "c", "z", "y", "x"] as const;

interface Axis {
  name: string;
  type: "time" | "channel" | "space";
  unit?: string;
}

function axes(meta: ImageMetadata): Axis[] {
  // A unit is claimed only when the size is known: "1 micrometer" for an unknown size would be a lie.
  const space = (name: string, size: number | undefined): Axis =>
    size === undefined ? { name, type: "space" } : { name, type: "space", unit: "micrometer" };
  return [
    meta.timeIncrement === undefined ? { name: "t", type: "time" } : { name: "t", type: "time", unit: "second" },
    { name: "c", type: "channel" },
    space("z", meta.physicalSizeZ),
    space("y", meta.physicalSizeY),
    space("x", meta.physicalSizeX),
  ];
}

/** The value of the group's `ome` attribute. */
export function omeAttributes(
  meta: ImageMetadata,
  levelCount: number,
  stats: readonly ChannelStats[],
): Record<string, unknown> {
  const datasets = Array.from({ length: levelCount }, (_, level) => {
    const f = 2 ** level; // nominal factor, as ome-zarr-py writes it; sizes are ceil(half)
    const scale = [meta.timeIncrement ?? 1, 1, meta.physicalSizeZ ?? 1, (meta.physicalSizeY ?? 1) * f, (meta.physicalSizeX ?? 1) * f];
    return { path: String(level), coordinateTransformations: [{ type: "scale", scale }] };
  });
  const render = defaultRenderSettings(meta.sizeC, stats, meta.channels);
  const channels = render.map((r, c) => ({
    label: meta.channels[c]?.name || `Ch${c + 1}`,
    color: r.color,
    active: r.active,
    coefficient: 1,
    family: "linear",
    inverted: false,
    window: { min: stats[c]?.min ?? 0, max: stats[c]?.max ?? 0, start: r.start, end: r.end },
  }));
  return {
    version: "0.5",
    multiscales: [{ name: meta.name, axes: axes(meta), datasets, type: "mean (2x2)" }],
    omero: {
      name: meta.name,
      channels,
      rdefs: { defaultT: 0, defaultZ: Math.floor(meta.sizeZ / 2), model: meta.sizeC === 1 ? "greyscale" : "color" },
    },
  };
}
