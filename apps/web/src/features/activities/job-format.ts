/** How a job's status, duration and times read in the panel. */
import type { JobDto, JobStatus } from "@fovea/model";

export const STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  cancelled: "Cancelled",
  timed_out: "Timed out",
};

/**
 * A duration for people: "0.4 s" under ten seconds (scripts are often that quick), then whole
 * seconds, "2 min 05 s", "1 h 02 min".
 */
export function formatDuration(ms: number): string {
  const safe = Math.max(0, ms);
  if (safe < 10_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)} s`;
  const totalSeconds = Math.floor(safe / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const seconds = totalSeconds % 60;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min ${String(seconds).padStart(2, "0")} s`;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours} h ${String(totalMinutes % 60).padStart(2, "0")} min`;
}

/** Run time from start to finish (or to `now` while running); undefined before it started. */
export function jobDurationMs(job: Pick<JobDto, "startedAt" | "finishedAt">, now: number): number | undefined {
  if (job.startedAt === null) return undefined;
  const start = Date.parse(job.startedAt);
  const end = job.finishedAt === null ? now : Date.parse(job.finishedAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.max(0, end - start);
}

/** "14:03:22" today, else "12 Mar, 14:03" (in the browser's locale and time zone). */
export function formatClockTime(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay
    ? at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" })
    : at.toLocaleString(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** Progress as a whole percentage 0–100 (the bar's aria-valuenow). */
export function progressPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}
