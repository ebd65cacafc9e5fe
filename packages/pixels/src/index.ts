/**
 * @fovea/pixels: file-format readers, the OME-Zarr pixel store, server-side rendering, export,
 * and synthetic demo images. `./common` (render math, pixel types) is isomorphic for the web.
 */
export { createFileOpener } from "./readers/file-opener.ts";
export { createZarrPixelStore } from "./store/zarr-pixel-store.ts";
export { renderRegion, defaultRenderSettings, type RenderRequest, type ChannelRender, type ChannelStats } from "./render/render-plane.ts";
export { writeOmeTiff, type OmeTiffOptions } from "./export/ome-tiff-writer.ts";
export { exportOmeZarr } from "./export/ome-zarr-export.ts";
export { pixelTypeOf } from "./common/pixel-types.ts";
export { demoCatalogue, type DemoCatalogue, type DemoDataset } from "./demo/index.ts";
