/**
 * Demo data for `npm start` (first start only, then kept): the synthetic "siRNA-HeLa" and
 * "Kymograph" datasets, and — when the folder exists — the real files of ../shared/data in a
 * dataset of their own. Loaded in the background after the server listens, as the demo user.
 */
import { readdir, stat } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { join, relative, sep } from "node:path";
import { isFoveaError } from "@fovea/model";
import { loadActor, type Actor, type DemoAccount, type Repositories, type Services } from "@fovea/core";
import { demoCatalogue } from "@fovea/pixels";

export const REAL_DATA_DATASET = "Real microscopy files (shared/data)";

export interface DemoLog {
  info(msg: string): void;
  warn(msg: string): void;
}

async function datasetNamed(services: Services, actor: Actor, name: string): Promise<boolean> {
  const mine = await services.containers.list(actor, "dataset", { ownerId: actor.userId }, { limit: 1000, offset: 0 });
  return mine.items.some((d) => d.name === name);
}

/** Files to import from a folder: plain files, plus OME-Zarr folders as one unit each. */
async function importables(dir: string): Promise<{ path: string; files: string[] }[]> {
  const out: { path: string; files: string[] }[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.name.startsWith(".") || /\.(md|txt)$/i.test(entry.name)) continue;
    if (entry.isDirectory()) {
      if (/\.zarr$/i.test(entry.name)) out.push({ path: p, files: await allFiles(p) });
      else out.push(...(await importables(p)));
    } else if (entry.isFile()) out.push({ path: p, files: [p] });
  }
  return out;
}

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

export async function loadDemoData(
  services: Services, repos: Repositories, account: DemoAccount, realDataDir: string | undefined, log: DemoLog, signal?: AbortSignal,
): Promise<void> {
  const user = await repos.users.findById(account.userId);
  if (!user) return;
  const actor = await loadActor(repos, user, account.groupId);
  for (const dataset of demoCatalogue().datasets) {
    if (await datasetNamed(services, actor, dataset.name)) continue;
    const created = await services.containers.create(actor, "dataset", { name: dataset.name, description: dataset.description });
    const images = await services.imports.importReaders(actor, dataset.readers, { datasetId: created.id, signal });
    log.info(`demo data: ${dataset.name}: ${images.length} images`);
  }
  if (!realDataDir || !(await stat(realDataDir).catch(() => undefined))?.isDirectory()) return;
  if (await datasetNamed(services, actor, REAL_DATA_DATASET)) return;
  const created = await services.containers.create(actor, "dataset", {
    name: REAL_DATA_DATASET, description: `Real files from ${realDataDir} (see its SOURCES.md for provenance).`,
  });
  let count = 0;
  for (const item of await importables(realDataDir)) {
    signal?.throwIfAborted();
    const top = relative(join(item.path, ".."), item.path);
    try {
      const images = await services.imports.importFile(actor, {
        path: item.path,
        originals: item.files.map((f) => ({
          name: item.files.length === 1 ? top : [top, ...relative(item.path, f).split(sep)].join("/"),
          mimeType: "application/octet-stream",
          open: () => createReadStream(f),
        })),
      }, { datasetId: created.id, signal });
      count += images.length;
    } catch (err) {
      // Some files are there to be refused (a CZI, an OTF): note them and go on.
      if (isFoveaError(err)) log.warn(`demo data: skipped ${relative(realDataDir, item.path)}: ${err.message}`);
      else throw err;
    }
  }
  log.info(`demo data: ${REAL_DATA_DATASET}: ${count} images`);
}
