/**
 * Server-side rendering of a stored image: reads the active channels of one plane (or their
 * maximum over Z), applies windows and colours, and encodes PNG or JPEG.
 */
import type { PixelStore, Region, StoredLayout } from "@fovea/core";
import { FoveaError, type FieldIssue } from "@fovea/model";
import type { TypedArray } from "../common/pixel-types.ts";
import { maxProjectInto, renderRgb, type ChannelRender } from "../common/render-math.ts";
import { encodeRgb, type ImageFormat } from "./encode-image.ts";
import { spareRgbBuffer, takeRgbBuffer } from "./rgb-buffers.ts";

export { defaultRenderSettings, type ChannelStats } from "../common/render-defaults.ts";
export type { ChannelRender } from "../common/render-math.ts";

export interface RenderRequest {
  /** Pyramid level (0 = full resolution). */
  readonly level: number;
  /** Ignored when `projection` is set: the projection spans every Z. */
  readonly z: number;
  readonly t: number;
  /** In the level's pixels; absent = the whole plane. */
  readonly region?: Region | undefined;
  /** One entry per channel of the image, in order. */
  readonly channels: readonly ChannelRender[];
  readonly projection?: "max" | undefined;
  readonly format: ImageFormat;
  /** JPEG quality 1–100. */
  readonly quality?: number | undefined;
}

/** Renders `req` from the store to PNG or JPEG bytes. Bounds are checked by the store. */
export async function renderRegion(store: PixelStore, key: string, req: RenderRequest, signal?: AbortSignal): Promise<Uint8Array> {
  const layout = await store.layout(key);
  checkRequest(req, layout);
  const lvl = layout.levels[req.level]!;
  const region = req.region ?? { x: 0, y: 0, width: lvl.sizeX, height: lvl.sizeY };
  // Everything read here is only read (renderRgb, and the second argument of maxProjectInto), so a
  // store that can hand out its cached chunks without a copy may do so.
  const view = readOnlyReader(store);
  const planes: TypedArray[] = [];
  for (const [c, ch] of req.channels.entries()) {
    if (!ch.active) {
      planes.push(new Uint8Array(0)); // never read by renderRgb
      continue;
    }
    if (req.projection === "max") {
      // One Z at a time folded into the running maximum: memory is two regions, not the stack.
      // The maximum is written to, so it starts from a region of our own.
      const acc = (await store.readRegion(key, req.level, 0, c, req.t, region, signal)).data;
      for (let z = 1; z < layout.sizeZ; z++) maxProjectInto(acc, (await view(key, req.level, z, c, req.t, region, signal)).data);
      planes.push(acc);
    } else {
      planes.push((await view(key, req.level, req.z, c, req.t, region, signal)).data);
    }
  }
  const rgb = renderRgb(planes, req.channels, region.width * region.height, takeRgbBuffer(region.width * region.height * 3));
  try {
    return await encodeRgb(rgb, region.width, region.height, { format: req.format, quality: req.quality });
  } finally {
    spareRgbBuffer(rgb); // sharp has finished reading it once the encode settled
  }
}

type RegionRead = PixelStore["readRegion"];

/** The store's copy-free read for read-only callers (the Zarr store's readRegionView), if it has one. */
function readOnlyReader(store: PixelStore): RegionRead {
  const withView = store as PixelStore & { readRegionView?: RegionRead };
  return withView.readRegionView ? withView.readRegionView.bind(store) : store.readRegion.bind(store);
}

/** What the store would not check itself when no channel is active. */
function checkRequest(req: RenderRequest, layout: StoredLayout): void {
  const issues: FieldIssue[] = [];
  const index = (field: string, v: number, size: number) => {
    if (!Number.isInteger(v) || v < 0 || v >= size) issues.push({ field, message: `must be an integer in 0..${size - 1}, got ${v}` });
  };
  index("level", req.level, layout.levels.length);
  index("z", req.z, layout.sizeZ);
  index("t", req.t, layout.sizeT);
  const lvl = layout.levels[req.level];
  const r = req.region;
  if (lvl && r) {
    const fits = (from: number, len: number, size: number) => Number.isInteger(from) && Number.isInteger(len) && from >= 0 && len >= 1 && from + len <= size;
    if (!fits(r.x, r.width, lvl.sizeX)) issues.push({ field: "region.width", message: `x ${r.x} + width ${r.width} must lie within 0..${lvl.sizeX}` });
    if (!fits(r.y, r.height, lvl.sizeY)) issues.push({ field: "region.height", message: `y ${r.y} + height ${r.height} must lie within 0..${lvl.sizeY}` });
  }
  const sizeC = layout.sizeC;
  if (req.channels.length !== sizeC) issues.push({ field: "channels", message: `needs one entry per channel (${sizeC}), got ${req.channels.length}` });
  if (req.projection !== undefined && req.projection !== "max") issues.push({ field: "projection", message: `must be "max" or absent` });
  if (issues.length > 0) {
    throw new FoveaError("VALIDATION_FAILED", `bad render request: ${issues.map((i) => `${i.field} ${i.message}`).join("; ")}`, { details: issues });
  }
}
