/**
 * Jobs (SPEC §5): launching validates every input — including that each referenced object is
 * visible to the user — before a job exists; a dispatcher then calls `execute`, which runs the
 * script version the job recorded, as the launching user in the launching group, through a
 * token scoped to the job that dies with it. Status changes are compare-and-set, so a cancel
 * racing a completion has exactly one winner.
 */
import { FoveaError, isFinished, validateInputs, type JobDto, type JobStatus, type ObjectRef, type ParamIssue } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/access-policy.ts";
import { targetGroup } from "../access/guard.ts";
import type { JobRecord, Ownership, RunEnd, ScriptRunner } from "../ports/index.ts";
import type { AuthService } from "./auth.service.ts";
import { toJobDto } from "./job-dto.ts";
import type { JobEventHub } from "./job-events.ts";
import { JobOutput } from "./job-output.ts";
import type { ServiceDeps } from "./ports.ts";
import type { ScriptSettings } from "./script-settings.ts";
import type { ScriptsService } from "./scripts.service.ts";

/** Kinds whose visibility the launcher checks, and where to find them. */
const REF_KINDS = { Project: "project", Dataset: "dataset", Image: "image" } as const;

export interface JobsCollaborators {
  readonly runner: ScriptRunner;
  readonly scripts: ScriptsService;
  readonly auth: AuthService;
  readonly events: JobEventHub;
  readonly settings: ScriptSettings;
  /** Tells the dispatcher a job is waiting (so it starts without waiting for a poll). */
  readonly wake: () => void;
}

export class JobsService {
  /** Executions running in this process, so a cancel can stop them at once. */
  readonly #running = new Map<number, AbortController>();

  constructor(private readonly deps: ServiceDeps, private readonly c: JobsCollaborators) {}

  async launch(actor: Actor, scriptId: number, rawInputs: Record<string, unknown>, options: { groupId?: number | undefined } = {}): Promise<JobDto> {
    const script = await this.c.scripts.visible(actor, scriptId);
    if (!script.enabled) throw new FoveaError("FORBIDDEN", `Script ${scriptId} is disabled`);
    if (!script.official && !this.c.settings.allowUserScripts) throw new FoveaError("USER_SCRIPTS_DISABLED");
    const groupId = targetGroup(actor, options.groupId);
    const checked = validateInputs(script.declaration, rawInputs);
    const issues = [...checked.issues, ...(await this.#invisible(actor, checked.refs))];
    if (issues.length > 0) {
      throw new FoveaError("PARAM_INVALID", `Invalid inputs for ${script.name}: ${issues.map((i) => i.message).join("; ")}`, { details: issues });
    }
    const job = await this.deps.repos.jobs.insert({
      scriptId, scriptName: script.name, scriptSha256: script.sha256, ownerId: actor.userId, groupId, inputs: checked.values,
    });
    this.c.events.publish({ jobId: job.id, ownerId: job.ownerId, type: "status", status: "queued" });
    this.c.wake();
    return toJobDto(job);
  }

  async get(actor: Actor, id: number): Promise<JobDto> {
    return toJobDto(await this.#own(actor, id));
  }

  async list(actor: Actor, filter: { status?: JobStatus | undefined }, page: { limit: number; offset: number }): Promise<{ items: JobDto[]; total: number }> {
    const res = await this.deps.repos.jobs.list({ ownerId: actor.userId, ...(filter.status && { status: filter.status }) }, page);
    return { items: res.items.map(toJobDto), total: res.total };
  }

  async log(actor: Actor, id: number, stream: "stdout" | "stderr"): Promise<string> {
    await this.#own(actor, id);
    return this.deps.repos.jobs.readLog(id, stream);
  }

  /** Cancels a queued or running job; a running one is stopped within a second. */
  async cancel(actor: Actor, id: number): Promise<JobDto> {
    const job = await this.#own(actor, id);
    if (isFinished(job.status)) throw new FoveaError("JOB_FINISHED", `Job ${id} has already ${job.status}`);
    const done = await this.deps.repos.jobs.transition(id, ["queued", "running"], "cancelled", {
      error: "cancelled by the user", finishedAt: this.#now(), leaseUntil: null,
    });
    if (!done) return this.get(actor, id); // it finished meanwhile
    this.#running.get(id)?.abort();
    this.c.events.publish({ jobId: id, ownerId: job.ownerId, type: "status", status: "cancelled" });
    await this.#revokeToken(id);
    return toJobDto(done);
  }

  /** Runs one claimed job to its end (called by the dispatcher). Never throws for a failing script. */
  async execute(jobId: number, signal: AbortSignal): Promise<void> {
    const started = await this.deps.repos.jobs.transition(jobId, ["queued"], "running", { startedAt: this.#now() });
    if (!started) return; // cancelled before it could start
    this.c.events.publish({ jobId, ownerId: started.ownerId, type: "status", status: "running" });
    const local = new AbortController();
    this.#running.set(jobId, local);
    const onOuterAbort = () => local.abort();
    signal.addEventListener("abort", onOuterAbort, { once: true });
    try {
      const end = await this.#run(started, local.signal);
      // Aborted by the dispatcher rather than by a cancel: when this worker is stopping the job
      // ends as for a lost worker (SPEC §5); when its lease was lost, its fate is decided elsewhere.
      const why = signal.aborted ? (signal.reason as { why?: unknown } | undefined)?.why : undefined;
      if (why === "stopping") await this.recover(jobId);
      else if (why !== "lease-lost") await this.#finish(started, end);
    } catch (err) {
      // Infrastructure failure (not the script's): record it rather than leave the job running.
      await this.#finish(started, { status: "failed", error: `internal error: ${(err as Error).message}`, exitCode: null });
    } finally {
      signal.removeEventListener("abort", onOuterAbort);
      this.#running.delete(jobId);
      await this.#revokeToken(jobId);
    }
  }

  /**
   * A job whose runner vanished (its lease expired, or the server restarted): back to the queue
   * when its script is re-runnable, else failed with "worker lost". Never left running.
   */
  async recover(jobId: number): Promise<void> {
    return this.#recover(jobId, false);
  }

  /**
   * At a server's start, before its dispatcher runs: nobody can be holding any job, so stale
   * leases on queued jobs are cleared too and those jobs start at once.
   */
  async recoverAtStart(jobId: number): Promise<void> {
    return this.#recover(jobId, true);
  }

  async #recover(jobId: number, atStart: boolean): Promise<void> {
    const job = await this.deps.repos.jobs.findById(jobId);
    if (!job || isFinished(job.status)) return;
    if (job.status === "queued") {
      // A lease taken on a job that never started: the queue re-offers it once the lease has run
      // out. Clearing the lease while dispatchers run could race a fresh claim and strand the job.
      if (atStart) await this.deps.repos.jobs.transition(jobId, ["queued"], "queued", { workerId: null, leaseUntil: null });
      this.c.wake();
      return;
    }
    const version = await this.deps.repos.scripts.findVersion(job.scriptId, job.scriptSha256);
    const rerun = version?.declaration.rerunnable === true;
    const to: JobStatus = rerun ? "queued" : "failed";
    const moved = await this.deps.repos.jobs.transition(jobId, ["running"], to, rerun
      ? { workerId: null, leaseUntil: null, startedAt: null }
      : { error: "worker lost: the process running this job stopped before it finished", finishedAt: this.#now(), workerId: null, leaseUntil: null });
    if (moved) this.c.events.publish({ jobId, ownerId: job.ownerId, type: "status", status: to });
    await this.#revokeToken(jobId);
    if (rerun) this.c.wake();
  }

  async #run(job: JobRecord, signal: AbortSignal): Promise<RunEnd> {
    const script = await this.deps.repos.scripts.findById(job.scriptId);
    const version = script && await this.deps.repos.scripts.findVersion(job.scriptId, job.scriptSha256);
    if (!script || !version) return { status: "failed", error: `script ${job.scriptName} (version ${job.scriptSha256.slice(0, 12)}) no longer exists`, exitCode: null };
    const user = await this.deps.repos.users.findById(job.ownerId);
    if (!user) return { status: "failed", error: "the launching user no longer exists", exitCode: null };
    const d = version.declaration;
    const timeoutSeconds = Math.min(d.timeoutSeconds ?? this.c.settings.defaultTimeoutSeconds, this.c.settings.maxTimeoutSeconds);
    const memoryMb = Math.min(d.memoryMb ?? this.c.settings.defaultMemoryMb, this.c.settings.maxMemoryMb);
    // The job's token acts as the launching user in the launching group, and only while the job runs.
    const { token } = await this.c.auth.openJobSession(user, job.groupId, job.id, timeoutSeconds + 60);
    const output = new JobOutput(this.deps.repos.jobs, this.c.events, job, () => undefined);
    const end = await this.c.runner.run({
      language: script.language,
      runnable: version.runnable, inputs: job.inputs, jobId: job.id, serverUrl: this.c.settings.serverUrl(), token,
      timeoutMs: timeoutSeconds * 1000, memoryMb, signal,
    }, {
      progress: (fraction, message) => output.progress(fraction, message),
      log: (stream, text) => output.log(stream, text),
    });
    // The job ends only once its whole log is stored: a follower that sees the end has every line.
    await output.drain();
    return end;
  }

  async #finish(job: JobRecord, end: RunEnd): Promise<void> {
    const patch = end.status === "succeeded"
      ? { outputs: end.outputs, exitCode: end.exitCode, finishedAt: this.#now(), leaseUntil: null }
      : { error: end.error, exitCode: "exitCode" in end ? end.exitCode : null, finishedAt: this.#now(), leaseUntil: null };
    const done = await this.deps.repos.jobs.transition(job.id, ["running"], end.status, patch);
    if (done) {
      if (end.status === "succeeded") await this.deps.repos.jobs.setProgress(job.id, 1, job.progressMessage || "done");
      this.c.events.publish({ jobId: job.id, ownerId: job.ownerId, type: "status", status: end.status });
    }
  }

  /** Objects named by the inputs that the user cannot see: NOT_VISIBLE (not found looks the same). */
  async #invisible(actor: Actor, refs: { param: string; ref: ObjectRef }[]): Promise<ParamIssue[]> {
    const issues: ParamIssue[] = [];
    for (const { param, ref } of refs) {
      let obj: Ownership | undefined;
      if (ref.type in REF_KINDS) obj = await this.deps.repos.containers.findById(REF_KINDS[ref.type as keyof typeof REF_KINDS], ref.id);
      else if (ref.type === "Roi") obj = await this.deps.repos.rois.findById(ref.id);
      else if (ref.type === "FileAnnotation") obj = await this.deps.repos.annotations.findById(ref.id);
      else continue;
      if (!obj || !can(actor, "read", obj)) issues.push({ param, code: "NOT_VISIBLE", message: `${param}: ${ref.type}:${ref.id} does not exist or is not visible to you` });
    }
    return issues;
  }

  async #own(actor: Actor, id: number): Promise<JobRecord> {
    const job = await this.deps.repos.jobs.findById(id);
    if (!job || (job.ownerId !== actor.userId && !actor.isAdmin)) throw new FoveaError("NOT_FOUND", `Job ${id} not found`);
    return job;
  }

  async #revokeToken(jobId: number): Promise<void> {
    await this.deps.repos.sessions.deleteByJob(jobId);
  }

  #now(): string {
    return this.deps.clock.now().toISOString();
  }
}
