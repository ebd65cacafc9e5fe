/**
 * `fovea script list|upload|replace|params|cat|enable|disable|delete|launch` (SPEC §6). Launch
 * parses NAME=VALUE with the script's own declaration (lists `1,2,3`, bools true/false), checks
 * the inputs with the same validator the server uses, and with --wait/--follow follows the job.
 */
import type { Command } from "commander";
import { FoveaError, inputsFromArgs, validateInputs, type JobDto, type ScriptDto } from "@fovea/model";
import type { CliContext } from "../cli-context.ts";
import { parseIdArg } from "../ref-args.ts";
import { UsageError } from "../usage-error.ts";
import { followJob } from "./job-follow.ts";
import { registerScriptRunCommand } from "./script-run.ts";

function scriptId(text: string): number {
  const id = parseIdArg(text, "Script");
  if (id === undefined) throw new UsageError(`"${text}" is not a script id (ID or Script:ID)`);
  return id;
}

function byFolder(scripts: ScriptDto[]): string {
  const folders = new Map<string, ScriptDto[]>();
  for (const s of scripts) folders.set(s.folder, [...(folders.get(s.folder) ?? []), s]);
  const lines: string[] = [];
  for (const [folder, list] of [...folders.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${folder}/`);
    for (const s of list.sort((a, b) => a.name.localeCompare(b.name))) {
      const flags = [s.official ? "official" : "user", s.language, ...(s.enabled ? [] : ["disabled"])].join(", ");
      lines.push(`  Script:${s.id}  ${s.name}  (${flags})  ${s.title !== s.name ? s.title : ""}`.trimEnd());
    }
  }
  return lines.length > 0 ? lines.join("\n") : "no scripts";
}

function paramsTable(s: ScriptDto): string {
  const lines = [`Script:${s.id} ${s.name} — ${s.title}`, s.description, ""].filter((l, i) => i !== 1 || l !== "");
  const sorted = [...s.params].sort((a, b) => (a.grouping ?? "9999").localeCompare(b.grouping ?? "9999", undefined, { numeric: true }));
  for (const p of sorted) {
    const type = p.type === "list" ? `list of ${p.element}` : p.type;
    const facts = [
      p.optional ? "optional" : "required",
      ...(p.default !== undefined ? [`default ${JSON.stringify(p.default)}`] : []),
      ...(p.values ? [`one of ${p.values.map((v) => JSON.stringify(v)).join("|")}`] : []),
      ...(p.min !== undefined ? [`min ${p.min}`] : []),
      ...(p.max !== undefined ? [`max ${p.max}`] : []),
    ];
    const indent = "  ".repeat(Math.max(1, (p.grouping ?? "1").split(".").length));
    lines.push(`${indent}${p.name} (${type}; ${facts.join("; ")})${p.description ? `: ${p.description}` : ""}`);
  }
  return lines.join("\n");
}

export function registerScriptCommands(program: Command, ctx: CliContext): void {
  const script = program.command("script").description("manage and run server-side scripts");

  registerScriptRunCommand(script, ctx);

  script.command("list").description("official scripts and your own, grouped by folder").action(async () => {
    const client = await ctx.client();
    const all: ScriptDto[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await client.scripts.list({ limit: 500, offset });
      all.push(...page.items);
      if (all.length >= page.total || page.items.length === 0) break;
    }
    ctx.out.result({ scripts: all }, () => byFolder(all));
  });

  script.command("upload <file>").description("upload a script (.ts, .js or .py); prints Script:ID")
    .option("--official", "into the official repository (needs UploadScripts)")
    .option("--folder <folder>", "menu folder, e.g. analysis_scripts (default: the script's own)")
    .action(async (file: string, opts: { official?: boolean; folder?: string }) => {
      const client = await ctx.client();
      const s = await client.scripts.upload(file, { official: opts.official === true, ...(opts.folder !== undefined && { folder: opts.folder }) });
      ctx.out.result(s, `Script:${s.id} ${s.folder}/${s.name} (${s.official ? "official" : "user"}, ${s.params.length} parameters)`);
    });

  script.command("replace <id> <file>").description("upload a new version (old versions are kept)").action(async (id: string, file: string) => {
    const s = await (await ctx.client()).scripts.replace(scriptId(id), file);
    ctx.out.result(s, `Script:${s.id} ${s.name} now at version ${s.sha256.slice(0, 12)}`);
  });

  script.command("params <id>").description("the script's parameters").action(async (id: string) => {
    const s = await (await ctx.client()).scripts.get(scriptId(id));
    ctx.out.result({ script: { type: "Script", id: s.id, name: s.name }, params: s.params }, () => paramsTable(s));
  });

  script.command("cat <id>").description("print the script's source").action(async (id: string) => {
    const client = await ctx.client();
    const source = await client.scripts.source(scriptId(id));
    ctx.out.result({ type: "Script", id: scriptId(id), source }, source);
  });

  for (const [name, enabled] of [["enable", true], ["disable", false]] as const) {
    script.command(`${name} <id>`).description(`${name} a script`).action(async (id: string) => {
      const s = await (await ctx.client()).scripts.setEnabled(scriptId(id), enabled);
      ctx.out.result(s, `Script:${s.id} ${s.name} ${enabled ? "enabled" : "disabled"}`);
    });
  }

  script.command("delete <id>").description("delete a script (jobs keep their records)").action(async (id: string) => {
    await (await ctx.client()).scripts.delete(scriptId(id));
    ctx.out.result({ type: "Script", id: scriptId(id), deleted: true }, `deleted Script:${scriptId(id)}`);
  });

  script.command("launch <id> [inputs...]").description("run a script: NAME=VALUE … (lists as 1,2,3; bools true/false)")
    .option("--wait", "wait until the job ends; exit non-zero unless it succeeded")
    .option("--follow", "stream the job's progress and logs until it ends")
    .action(async (id: string, args: string[], opts: { wait?: boolean; follow?: boolean }) => {
      const client = await ctx.client();
      const s = await client.scripts.get(scriptId(id));
      const { inputs, malformed } = inputsFromArgs({ name: s.name, params: s.params }, args);
      if (malformed.length > 0) throw new UsageError(`expected NAME=VALUE, got ${malformed.map((m) => JSON.stringify(m)).join(", ")}`);
      // The server validates again (and checks visibility); checking here first names mistakes without a round trip.
      const local = validateInputs({ name: s.name, params: s.params }, inputs);
      if (local.issues.length > 0) {
        throw new FoveaError("PARAM_INVALID", `invalid inputs for ${s.name}`, { details: local.issues });
      }
      const job = await client.scripts.launch(s.id, inputs);
      if (!opts.wait && !opts.follow) {
        ctx.out.result({ job }, `Job:${job.id} queued (fovea job show ${job.id})`);
        return;
      }
      const final: JobDto = await followJob(ctx, client, job.id, opts.follow === true);
      ctx.out.result({ job: final, outputs: final.outputs }, () => describeEnd(final));
      if (final.status !== "succeeded") throw new FoveaError("INTERNAL", `Job:${final.id} ${final.status}${final.error ? `: ${final.error}` : ""}`);
    });
}

/** The end of a job for people: status, message and outputs. */
export function describeEnd(job: JobDto): string {
  const lines = [`Job:${job.id} ${job.status}${job.error ? `: ${job.error}` : ""}`];
  for (const [key, value] of Object.entries(job.outputs)) {
    const shown = typeof value === "object" && value !== null && "type" in value && "id" in value
      ? `${(value as { type: string }).type}:${(value as { id: number }).id}` : typeof value === "string" ? value : JSON.stringify(value);
    lines.push(`  ${key}: ${shown}`);
  }
  return lines.join("\n");
}
