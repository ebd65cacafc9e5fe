export * from "./errors.ts";
export * from "./refs.ts";
export * from "./permissions.ts";
export * from "./limits.ts";
export * from "./shapes.ts";
export * from "./pixel-types.ts";
export * from "./channel-colors.ts";
export * from "./api/index.ts";
