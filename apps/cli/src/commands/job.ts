/** `fovea job list|show|logs|cancel` (SPEC §6). */
import type { Command } from "commander";
import { JOB_STATUSES, type JobStatus } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { parseIdArg } from "../ref-args.ts";
import { UsageError } from "../usage-error.ts";
import { followJob } from "./job-follow.ts";
import { describeEnd } from "./script.ts";

function jobId(text: string): number {
  const id = parseIdArg(text, "Job");
  if (id === undefined) throw new UsageError(`"${text}" is not a job id (ID or Job:ID)`);
  return id;
}

export function registerJobCommands(program: Command, ctx: CliContext): void {
  const job = program.command("job").description("follow and control jobs");

  job.command("list").description("your jobs, newest first").option("--status <status>", `one of ${JOB_STATUSES.join(", ")}`)
    .action(async (opts: { status?: string }) => {
      if (opts.status !== undefined && !(JOB_STATUSES as readonly string[]).includes(opts.status)) throw new UsageError(`--status must be one of ${JOB_STATUSES.join(", ")}`);
      const page = await (await ctx.client()).jobs.list({ limit: 100, ...(opts.status && { status: opts.status as JobStatus }) });
      ctx.out.result({ jobs: page.items, total: page.total }, () => page.items.length === 0 ? "no jobs"
        : page.items.map((j) => `Job:${j.id}  ${j.status.padEnd(9)}  ${j.scriptName}  ${Math.round(j.progress.fraction * 100)}%  ${j.createdAt}`).join("\n"));
    });

  job.command("show <id>").description("a job's status, inputs and outputs").action(async (id: string) => {
    const j = await (await ctx.client()).jobs.get(jobId(id));
    ctx.out.result(j, () => `${describeEnd(j)}\n  script: Script:${j.scriptId} ${j.scriptName} @ ${j.scriptSha256.slice(0, 12)}\n  inputs: ${JSON.stringify(j.inputs)}\n  progress: ${Math.round(j.progress.fraction * 100)}% ${j.progress.message}`);
  });

  job.command("logs <id>").description("the job's stdout and stderr").option("--follow", "stream until the job ends")
    .action(async (id: string, opts: { follow?: boolean }) => {
      const client = await ctx.client();
      if (opts.follow) {
        const final = await followJob(ctx, client, jobId(id), true);
        ctx.out.result(final, "");
        return;
      }
      const [stdout, stderr] = await Promise.all([client.jobs.log(jobId(id), "stdout"), client.jobs.log(jobId(id), "stderr")]);
      if (!ctx.out.json && stderr) ctx.io.stderr.write(stderr);
      ctx.out.result({ stdout, stderr }, stdout);
    });

  job.command("cancel <id>").description("cancel a queued or running job").action(async (id: string) => {
    const j = await (await ctx.client()).jobs.cancel(jobId(id));
    ctx.out.result(j, `Job:${j.id} ${j.status}`);
  });
}
