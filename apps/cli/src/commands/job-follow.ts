/** Following a job: its events until the end, with logs and (on a terminal) a progress bar. */
import { SingleBar } from "cli-progress";
import type { FoveaClient } from "@fovea/client";
import type { JobDto } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";

export async function followJob(ctx: CliContext, client: FoveaClient, jobId: number, showLogs: boolean): Promise<JobDto> {
  const bar = showLogs && ctx.io.stderr.isTTY && !ctx.out.json
    ? new SingleBar({ stream: ctx.io.stderr, format: "{bar} {percentage}% {message}", hideCursor: true, clearOnComplete: true })
    : undefined;
  bar?.start(100, 0, { message: "queued" });
  try {
    for await (const e of client.jobs.events(jobId)) {
      if (!showLogs) continue;
      if (e.event === "progress") bar?.update(Math.round(e.data.fraction * 100), { message: e.data.message });
      else if (e.event === "status") bar?.update({ message: e.data.status });
      else if (e.event === "log") {
        // Logs go to stderr under --json, so that stdout stays one JSON document.
        const sink = e.data.stream === "stderr" || ctx.out.json ? ctx.io.stderr : ctx.io.stdout;
        bar?.stop();
        sink.write(e.data.text);
        bar?.start(100, 0);
      }
    }
  } finally {
    bar?.stop();
  }
  return client.jobs.get(jobId);
}
