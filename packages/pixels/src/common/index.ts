/** Isomorphic part of @fovea/pixels (`@fovea/pixels/common`): pixel types and rendering math, no Node APIs. */
export * from "./pixel-types.ts";
export * from "./render-math.ts";
export * from "./render-defaults.ts";
