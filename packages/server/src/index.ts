export { loadConfig, type ServerConfig } from "./config.ts";
export { startServer, type RunningServer, type StartOptions } from "./start.ts";
export { buildApp, API_PREFIX, VERSION, type AppOptions } from "./app.ts";
export { createImageRecord, type ImageRecordInput } from "./testing.ts";
export { HTTP_STATUS } from "./http/status.ts";
