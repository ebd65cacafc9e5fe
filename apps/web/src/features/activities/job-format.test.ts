import { describe, expect, it } from "vitest";
import { formatClockTime, formatDuration, jobDurationMs, progressPercent } from "./job-format.ts";

describe("formatDuration", () => {
  it("shows tenths of a second under ten seconds, truncated rather than rounded up", () => {
    expect(formatDuration(0)).toBe("0.0 s");
    expect(formatDuration(430)).toBe("0.4 s");
    expect(formatDuration(9_999)).toBe("9.9 s");
  });
  it("shows whole seconds, then minutes and seconds, then hours and minutes", () => {
    expect(formatDuration(10_000)).toBe("10 s");
    expect(formatDuration(59_999)).toBe("59 s");
    expect(formatDuration(60_000)).toBe("1 min 00 s");
    expect(formatDuration(125_400)).toBe("2 min 05 s");
    expect(formatDuration(3_600_000 + 2 * 60_000 + 30_000)).toBe("1 h 02 min");
  });
  it("never shows a negative duration (clocks that disagree)", () => {
    expect(formatDuration(-500)).toBe("0.0 s");
  });
});

describe("jobDurationMs", () => {
  const startedAt = "2025-03-12T14:03:20.000Z";
  it("is undefined before the job started", () => {
    expect(jobDurationMs({ startedAt: null, finishedAt: null }, Date.now())).toBeUndefined();
  });
  it("runs to now while the job runs, and to its end once finished", () => {
    const now = Date.parse(startedAt) + 4_200;
    expect(jobDurationMs({ startedAt, finishedAt: null }, now)).toBe(4_200);
    expect(jobDurationMs({ startedAt, finishedAt: "2025-03-12T14:04:21.500Z" }, now + 1e6)).toBe(61_500);
  });
});

describe("formatClockTime", () => {
  it("shows only the time for today, and the date too for another day", () => {
    const at = new Date(2025, 2, 12, 14, 3, 22);
    const today = formatClockTime(at.toISOString(), new Date(2025, 2, 12, 18, 0, 0));
    const later = formatClockTime(at.toISOString(), new Date(2025, 2, 14, 9, 0, 0));
    expect(today).toMatch(/03/);
    expect(today).not.toMatch(/Mar|12/);
    expect(later).toMatch(/12/);
    expect(later).toMatch(/Mar/);
  });
});

describe("progressPercent", () => {
  it("clamps to 0–100 and treats nonsense as 0", () => {
    expect(progressPercent(0.254)).toBe(25);
    expect(progressPercent(1.7)).toBe(100);
    expect(progressPercent(-1)).toBe(0);
    expect(progressPercent(Number.NaN)).toBe(0);
  });
});
