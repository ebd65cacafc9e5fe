/** Time stamps for created_at/updated_at, read from an injectable clock so tests can move time. */
import type { Clock } from "@fovea/core";

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** The clock's time as stored: ISO-8601 UTC with milliseconds, one fixed width (so text sorts by time). */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
