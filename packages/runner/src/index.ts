/** @fovea/runner: runs one Fovea script in its own OS process (see README.md for the protocol). */
export { createNodeRunner, type NodeRunnerOptions } from "./node-runner.ts";
export { findPythonSdk, type PythonOptions } from "./python-runner.ts";
export { parseMessage, type ChildMessage } from "./protocol.ts";
