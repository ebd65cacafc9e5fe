export * from "./declaration.schema.ts";
export * from "./param-issues.ts";
export * from "./validate-inputs.ts";
export * from "./validate-declaration.ts";
export * from "./cli-values.ts";
export * from "./job-status.ts";
