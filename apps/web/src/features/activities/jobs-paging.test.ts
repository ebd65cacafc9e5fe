import { describe, expect, it } from "vitest";
import { hasMoreJobs } from "./jobs-paging.ts";

describe("hasMoreJobs", () => {
  it("offers more only once a page has been read and the server holds older jobs", () => {
    expect(hasMoreJobs({ status: "ready", total: 120 }, 50)).toBe(true);
    expect(hasMoreJobs({ status: "ready", total: 120 }, 120)).toBe(false);
    expect(hasMoreJobs({ status: "loading", total: 120 }, 50)).toBe(false);
    expect(hasMoreJobs({ status: "error", total: 120 }, 50)).toBe(false);
    // Jobs seen live since the last page may outnumber the old total.
    expect(hasMoreJobs({ status: "ready", total: 50 }, 53)).toBe(false);
  });
});
