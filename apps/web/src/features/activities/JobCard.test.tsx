import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { scriptDialogStore } from "../../state/script-dialog.ts";
import { JobCard } from "./JobCard.tsx";
import { dismissedJobsStore, resetDismissedJobs } from "./dismissed-jobs.ts";
import { makeJob } from "./test-jobs.ts";

afterEach(() => {
  cleanup();
  scriptDialogStore.set(null);
  resetDismissedJobs();
});

describe("JobCard", () => {
  it("shows a running job's status, progress with its message, duration and a Cancel button", () => {
    const startedAt = new Date(Date.now() - 3_000).toISOString();
    render(<JobCard job={makeJob(12, { status: "running", startedAt, progress: { fraction: 0.5, message: "image 2 of 4" } })} />);
    const card = screen.getByRole("article", { name: "Hello_World" });
    expect(within(card).getByText("Running")).toBeTruthy();
    const bar = within(card).getByRole("progressbar", { name: /Hello_World/ });
    expect(bar.getAttribute("aria-valuenow")).toBe("50");
    expect(within(card).getByText("image 2 of 4")).toBeTruthy();
    expect(within(card).getByTestId("job-12-duration").textContent).toMatch(/running for [34]\.\d s/);
    expect(within(card).getByRole("button", { name: "Cancel job 12" })).toBeTruthy();
    expect(within(card).queryByRole("button", { name: /Run .* again/ })).toBeNull();
  });

  it("says a cancelled job was cancelled, and Run again opens the form with the job's inputs", () => {
    const inputs = { Data_Type: "Dataset", IDs: [1, 2] };
    render(<JobCard job={makeJob(7, {
      status: "cancelled", inputs, error: "cancelled by the user",
      startedAt: "2025-03-12T14:03:21.000Z", finishedAt: "2025-03-12T14:03:25.500Z",
    })} />);
    expect(screen.getByText("cancelled by the user")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("job-7-duration").textContent).toBe("took 4.5 s");
    fireEvent.click(screen.getByRole("button", { name: "Run Hello_World again (job 7)" }));
    expect(scriptDialogStore.get()).toEqual({ scriptId: 4, inputs });
    fireEvent.click(screen.getByRole("button", { name: "Dismiss job 7" }));
    expect(dismissedJobsStore.get().has(7)).toBe(true);
  });

  it("shows a succeeded job's message and plain values at 100%", () => {
    render(<JobCard job={makeJob(3, { status: "succeeded", outputs: { Message: "Returned 4 images", Count: 4 }, progress: { fraction: 0.75, message: "image 3 of 4" } })} />);
    expect(screen.getByText("Returned 4 images")).toBeTruthy();
    expect(screen.getByRole("list", { name: "Results" }).textContent).toBe("Count:4");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("100");
  });
});
