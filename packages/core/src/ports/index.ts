export type * from "./records.ts";
export type * from "./visibility.ts";
export type * from "./repositories.port.ts";
export type * from "./file-store.port.ts";
export type * from "./pixels.port.ts";
export type * from "./scripts.port.ts";
