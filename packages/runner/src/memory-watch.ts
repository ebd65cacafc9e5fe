/**
 * Resident-memory cap. V8's --max-old-space-size bounds only the JavaScript heap; Buffers and
 * ArrayBuffers live outside it, so the child's RSS is polled from /proc and the process is stopped
 * when it goes over the cap. Polls faster once past half the cap, where a fast allocator could
 * otherwise overshoot a lot between two reads. Linux only: elsewhere only the heap limit applies.
 */
import { readFile } from "node:fs/promises";

/**
 * What the Node runtime itself occupies (code, built-ins, the SDK, undici) before a script
 * allocates anything: ~45–60 MB resident. The cap is the script's memory limit plus this, so that
 * `memoryMb` means the memory the script may use (as it does for the V8 heap limit), and a small
 * limit such as 32 MB still lets a script start.
 */
export const RUNTIME_ALLOWANCE_MB = 64;

/** The resident-memory cap for a script whose limit is `memoryMb`. */
export function rssCapMb(memoryMb: number): number {
  return memoryMb + RUNTIME_ALLOWANCE_MB;
}

const SLOW_MS = 200;
const FAST_MS = 50;

/** VmRSS in MB, or undefined when the process is gone or /proc is unavailable. */
export async function readRssMb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts polling; calls `onExceeded` once with the measured RSS (MB). Returns a stop function. */
export function watchMemory(pid: number, limitMb: number, onExceeded: (rssMb: number) => void): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async (): Promise<void> => {
    const rss = await readRssMb(pid);
    if (stopped) return;
    if (rss !== undefined && rss > limitMb) {
      stopped = true;
      onExceeded(rss);
      return;
    }
    timer = setTimeout(() => void poll(), rss !== undefined && rss > limitMb / 2 ? FAST_MS : SLOW_MS);
  };
  timer = setTimeout(() => void poll(), FAST_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
