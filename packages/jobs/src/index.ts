/**
 * @fovea/jobs: running queued jobs against @fovea/core's JobQueue port: the Dispatcher (claims,
 * lease heartbeats, cancel-by-lease-loss, recovery of jobs whose worker died). The JobQueue
 * conformance suite that every queue adapter passes is exported separately, as
 * `@fovea/jobs/testing`, so that production code never loads node:test.
 */
export { Dispatcher } from "./dispatcher.ts";
export type { DispatcherOptions } from "./dispatcher-options.ts";
export { DispatchAbort, dispatchAbortReason, type DispatchAbortReason } from "./dispatch-abort.ts";
