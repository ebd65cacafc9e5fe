/**
 * The script registry (SPEC §4): upload, replace (versions kept), enable/disable, delete, list
 * grouped by folder, source and parameters. A script's declaration is learnt by running it in
 * describe mode; one whose declaration cannot be read is refused with the script's own error.
 * Official scripts need an administrator or the UploadScripts privilege; user scripts need the
 * server's allowUserScripts setting and belong to their uploader.
 */
import { FoveaError, type ScriptDto, type ScriptLanguage } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import type { ScriptRecord, ScriptRunner, ScriptVersionRecord } from "../ports/index.ts";
import type { ServiceDeps } from "./ports.ts";
import type { ScriptSettings } from "./script-settings.ts";

const LANGUAGE_BY_EXTENSION: Record<string, ScriptLanguage> = { ts: "typescript", mts: "typescript", js: "javascript", mjs: "javascript", py: "python" };

export interface UploadScriptInput {
  fileName: string;
  source: string;
  official: boolean;
  /** Overrides the declaration's folder (e.g. `fovea script upload --folder`). */
  folder?: string | undefined;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `Batch_ROI_Export.ts` → the script's name and language. */
export function parseScriptFileName(fileName: string): { name: string; language: ScriptLanguage } {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /^([A-Za-z0-9_.-]+?)\.([A-Za-z]+)$/.exec(base);
  const language = m ? LANGUAGE_BY_EXTENSION[m[2]!.toLowerCase()] : undefined;
  if (!m || !language) {
    throw new FoveaError("VALIDATION_FAILED", `${base}: a script file is NAME.ts, NAME.js or NAME.py (letters, digits, _ . -)`, {
      details: [{ field: "file", message: "expected NAME.ts, NAME.js or NAME.py" }],
    });
  }
  return { name: m[1]!, language };
}

/**
 * `allowUserScripts` is the server's setting: a user script is listed to its owner but runnable
 * only when it is on (SPEC §4), and the DTO says so, so menus need not offer what launch refuses.
 */
export function toScriptDto(s: ScriptRecord, allowUserScripts: boolean): ScriptDto {
  const d = s.declaration;
  return {
    type: "Script", id: s.id, name: s.name, title: d.name, description: d.description ?? "", folder: s.folder, language: s.language,
    official: s.official, enabled: s.enabled, runnable: s.enabled && (s.official || allowUserScripts), ownerId: s.ownerId, authors: d.authors ?? [], institutions: d.institutions ?? [],
    contact: d.contact ?? "", version: d.version ?? "", sha256: s.sha256, timeoutSeconds: d.timeoutSeconds ?? null,
    rerunnable: d.rerunnable ?? false, params: d.params, createdAt: s.createdAt, updatedAt: s.updatedAt,
  };
}

export class ScriptsService {
  constructor(private readonly deps: ServiceDeps, private readonly runner: ScriptRunner, private readonly settings: ScriptSettings) {}

  #dto(s: ScriptRecord): ScriptDto {
    return toScriptDto(s, this.settings.allowUserScripts);
  }

  /** May `actor` manage (upload, replace, delete, enable) official scripts? */
  static isScriptManager(actor: Actor): boolean {
    return actor.isAdmin || actor.privileges.includes("UploadScripts");
  }

  async upload(actor: Actor, input: UploadScriptInput): Promise<ScriptDto> {
    this.#checkMayUpload(actor, input.official);
    const { name, language } = parseScriptFileName(input.fileName);
    const version = await this.#compile(language, input.source, input.fileName, actor.userId);
    const folder = input.folder ?? version.declaration.folder ?? (input.official ? "util_scripts" : "user_scripts");
    const row = await this.deps.repos.scripts.insert(
      { name, folder, language, official: input.official, enabled: true, ownerId: actor.userId, declaration: version.declaration, sha256: version.sha256 },
      version,
    );
    return this.#dto(row);
  }

  /**
   * Registers or updates a built-in official script by content hash (server start): a new
   * version replaces the old one, which stays for the jobs that ran it.
   */
  async registerOfficial(system: Actor, fileName: string, source: string, folder: string): Promise<ScriptDto> {
    const { name, language } = parseScriptFileName(fileName);
    const existing = await this.deps.repos.scripts.findByName(folder, name, true);
    if (existing && existing.sha256 === (await sha256(source))) return this.#dto(existing);
    if (existing) return this.replace(system, existing.id, fileName, source);
    return this.upload(system, { fileName, source, official: true, folder });
  }

  async replace(actor: Actor, id: number, fileName: string, source: string): Promise<ScriptDto> {
    const script = await this.#manageable(actor, id);
    const { language } = parseScriptFileName(fileName);
    if (language !== script.language) {
      throw new FoveaError("VALIDATION_FAILED", `Script ${id} is ${script.language}; a replacement must be too`, { details: [{ field: "file", message: `expected a ${script.language} file` }] });
    }
    if ((await sha256(source)) === script.sha256) return this.#dto(script);
    const version = await this.#compile(language, source, fileName, actor.userId);
    return this.#dto(await this.deps.repos.scripts.addVersion(id, version));
  }

  async setEnabled(actor: Actor, id: number, enabled: boolean): Promise<ScriptDto> {
    await this.#manageable(actor, id);
    return this.#dto(await this.deps.repos.scripts.setEnabled(id, enabled));
  }

  async delete(actor: Actor, id: number): Promise<void> {
    await this.#manageable(actor, id);
    await this.deps.repos.scripts.delete(id);
  }

  /** Official scripts and the actor's own user scripts (administrators also see disabled ones). */
  async list(actor: Actor, filter: { folder?: string | undefined; official?: boolean | undefined }, page: { limit: number; offset: number }): Promise<{ items: ScriptDto[]; total: number }> {
    const res = await this.deps.repos.scripts.list({
      ownerId: actor.userId,
      ...(filter.official === true && { officialOnly: true }),
      ...(filter.folder !== undefined && { folder: filter.folder }),
      includeDisabled: ScriptsService.isScriptManager(actor),
    }, page);
    const items = res.items.filter((s) => filter.official !== false || !s.official);
    return { items: items.map((item) => this.#dto(item)), total: filter.official === false ? items.length : res.total };
  }

  async get(actor: Actor, id: number): Promise<ScriptDto> {
    return this.#dto(await this.visible(actor, id));
  }

  /** The current version's source, as uploaded. */
  async source(actor: Actor, id: number): Promise<{ script: ScriptDto; source: string }> {
    const script = await this.visible(actor, id);
    const version = await this.deps.repos.scripts.findVersion(id, script.sha256);
    if (!version) throw new FoveaError("NOT_FOUND", `Script ${id} has no stored version`);
    return { script: this.#dto(script), source: version.source };
  }

  async versions(actor: Actor, id: number) {
    await this.visible(actor, id);
    return this.deps.repos.scripts.listVersions(id);
  }

  /** A script the actor may see: official ones, and its own user scripts. Others are NOT_FOUND. */
  async visible(actor: Actor, id: number): Promise<ScriptRecord> {
    const script = await this.deps.repos.scripts.findById(id);
    if (!script || (!script.official && script.ownerId !== actor.userId && !actor.isAdmin)) throw new FoveaError("NOT_FOUND", `Script ${id} not found`);
    if (!script.enabled && !ScriptsService.isScriptManager(actor) && script.ownerId !== actor.userId) throw new FoveaError("NOT_FOUND", `Script ${id} not found`);
    return script;
  }

  #checkMayUpload(actor: Actor, official: boolean): void {
    if (official && !ScriptsService.isScriptManager(actor)) throw new FoveaError("PRIVILEGE_REQUIRED", "Uploading an official script needs the UploadScripts privilege");
    if (!official && !this.settings.allowUserScripts) throw new FoveaError("USER_SCRIPTS_DISABLED");
  }

  async #manageable(actor: Actor, id: number): Promise<ScriptRecord> {
    const script = await this.visible(actor, id);
    if (script.official ? !ScriptsService.isScriptManager(actor) : script.ownerId !== actor.userId && !actor.isAdmin) {
      throw new FoveaError("PRIVILEGE_REQUIRED", script.official ? "Managing official scripts needs the UploadScripts privilege" : "Only the script's owner may change it");
    }
    return script;
  }

  async #compile(language: ScriptLanguage, source: string, fileName: string, uploadedBy: number): Promise<Omit<ScriptVersionRecord, "scriptId" | "createdAt">> {
    const runnable = await this.runner.prepare(language, source, fileName);
    const declaration = await this.runner.describe(language, runnable);
    return { sha256: await sha256(source), source, runnable, declaration, uploadedBy };
  }
}
