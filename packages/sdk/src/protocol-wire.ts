/**
 * The child's side of the runner protocol (packages/runner/README.md): one JSON object per line on
 * file descriptor 3, which the runner opens as a pipe. stdout and stderr stay free for the script's
 * own log lines, so nothing a script prints can be mistaken for a protocol message.
 */
import { writeSync } from "node:fs";
import type { ScriptDeclaration } from "@fovea/model";
import type { OutputValue } from "./outputs.ts";

export const PROTOCOL_FD = 3;

/** Every message a script sends to the runner. */
export type ChildMessage =
  | { type: "declaration"; declaration: ScriptDeclaration }
  | { type: "progress"; fraction: number; message: string }
  | { type: "outputs"; outputs: Record<string, OutputValue> }
  | { type: "error"; message: string };

/**
 * Writes one message synchronously, so that a message sent just before the process exits is never
 * lost and messages keep their order. The child's end of the pipe is blocking (libuv sets
 * O_NONBLOCK only on the parent's end), but EAGAIN is retried in case another launcher differs.
 */
export function send(message: ChildMessage): void {
  const bytes = Buffer.from(`${JSON.stringify(message)}\n`, "utf8");
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(PROTOCOL_FD, bytes, offset);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      if (code === "EBADF") {
        throw new Error(`FOVEA_MODE is set but file descriptor ${PROTOCOL_FD} is not open: the runner passes its protocol pipe there (by hand: \`FOVEA_MODE=describe node script.mjs 3>&1\`)`, { cause: err });
      }
      throw err;
    }
  }
}
