export * from "./common.schema.ts";
export * from "./containers.schema.ts";
export * from "./rois.schema.ts";
export * from "./annotations.schema.ts";
export * from "./accounts.schema.ts";
export * from "./scripts.schema.ts";
export * from "./measure.schema.ts";
