/**
 * Import (SPEC §3): reads a file's images plane by plane into the pixel store, keeps the original
 * file, records metadata and per-channel min/max, and links the images into a dataset. An import
 * completes or leaves nothing behind: on any failure the written pixels, the stored originals and
 * the rows are all removed.
 */
import { defaultChannelColor, FoveaError, type ImageDto } from "@fovea/model";
import type { Actor } from "../access/actor.ts";
import { can } from "../access/access-policy.ts";
import { requireAccess, targetGroup } from "../access/guard.ts";
import type { ChannelRecord, ImageMetadata, ImageReader, OriginalFileRecord, PixelWriter, StoredFile } from "../ports/index.ts";
import { toImageDto } from "./dto.ts";
import type { ServiceDeps } from "./ports.ts";

export interface ImportSource {
  /** The file or folder to read, on this machine (uploads are spooled to a temporary path first). */
  readonly path: string;
  /** The files to keep as originals (one for most formats; every file of an OME-Zarr folder). */
  readonly originals: readonly { name: string; mimeType: string; open(): AsyncIterable<Uint8Array> }[];
}

export interface ImportOptions {
  readonly datasetId?: number | undefined;
  readonly name?: string | undefined;
  readonly groupId?: number | undefined;
  readonly onProgress?: ((fraction: number, message: string) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Everything written so far, so that a failure can remove it. */
interface Written {
  writers: PixelWriter[];
  keys: string[];
  files: StoredFile[];
}

export class ImportService {
  constructor(private readonly deps: ServiceDeps) {}

  async importFile(actor: Actor, source: ImportSource, options: ImportOptions = {}): Promise<ImageDto[]> {
    const groupId = await this.resolveTargetGroup(actor, options);
    const opened = await this.deps.opener.open(source.path, options.signal);
    try {
      if (opened.images.length === 0) throw new FoveaError("FILE_UNREADABLE", `${source.path.split(/[\\/]/).pop()}: the file holds no image`);
      return await this.#ingest(actor, groupId, opened.images, source.originals, options);
    } finally {
      await opened.close();
    }
  }

  /**
   * Imports images that do not come from a file (generated demo data, and later images that
   * scripts create): the same store, rows and all-or-nothing rule, with no original file.
   */
  async importReaders(actor: Actor, readers: readonly ImageReader[], options: ImportOptions = {}): Promise<ImageDto[]> {
    const groupId = await this.resolveTargetGroup(actor, options);
    return this.#ingest(actor, groupId, readers, [], options);
  }

  /**
   * The group the images go to: the dataset's (which the actor must be allowed to link into), or
   * the requested/active one. Routes call it before receiving an upload, to fail early.
   */
  async resolveTargetGroup(actor: Actor, options: Pick<ImportOptions, "datasetId" | "groupId">): Promise<number> {
    if (options.datasetId === undefined) return targetGroup(actor, options.groupId);
    const dataset = requireAccess(actor, "read", await this.deps.repos.containers.findById("dataset", options.datasetId), `Dataset ${options.datasetId}`);
    if (!can(actor, "link", dataset)) throw new FoveaError("LINK_FORBIDDEN", `You may not add images to Dataset ${options.datasetId}`);
    if (options.groupId !== undefined && options.groupId !== dataset.groupId) {
      throw new FoveaError("LINK_FORBIDDEN", `Dataset ${options.datasetId} is in another group than ${options.groupId}`);
    }
    return targetGroup(actor, dataset.groupId);
  }

  async #ingest(
    actor: Actor, groupId: number, readers: readonly ImageReader[], originals: ImportSource["originals"], options: ImportOptions,
  ): Promise<ImageDto[]> {
    const written: Written = { writers: [], keys: [], files: [] };
    try {
      const total = readers.reduce((n, r) => n + planesOf(r.metadata), 0);
      let done = 0;
      const stored: { reader: ImageReader; key: string }[] = [];
      for (const reader of readers) {
        const key = `img-${crypto.randomUUID()}`;
        const writer = await this.deps.pixels.create(key, reader.metadata);
        written.writers.push(writer);
        written.keys.push(key);
        const { sizeZ, sizeC, sizeT } = reader.metadata;
        for (let t = 0; t < sizeT; t++) for (let c = 0; c < sizeC; c++) for (let z = 0; z < sizeZ; z++) {
          options.signal?.throwIfAborted();
          await writer.writePlane(z, c, t, await reader.readPlane(z, c, t, options.signal), options.signal);
          options.onProgress?.(++done / total, `${reader.metadata.name}: plane ${done} of ${total}`);
        }
        await writer.commit(options.signal);
        stored.push({ reader, key });
      }
      for (const original of originals) {
        written.files.push(await this.deps.files.put(original.open(), Number.MAX_SAFE_INTEGER, options.signal));
      }
      return await this.#record(actor, groupId, originals, options, stored, written.files);
    } catch (err) {
      await this.#undo(written);
      throw err;
    }
  }

  /** Writes the rows in one transaction: images with channels, originals, dataset links. */
  async #record(
    actor: Actor, groupId: number, sources: ImportSource["originals"], options: ImportOptions,
    stored: { reader: ImageReader; key: string }[], files: StoredFile[],
  ): Promise<ImageDto[]> {
    const stats = await Promise.all(stored.map((s) => this.deps.pixels.channelStats(s.key)));
    return this.deps.repos.transaction(async (repos) => {
      const originals: OriginalFileRecord[] = [];
      for (const [i, f] of files.entries()) {
        const o = sources[i]!;
        originals.push(await repos.originals.insert({ name: o.name, mimeType: o.mimeType, size: f.size, sha256: f.sha256, storageKey: f.key, ownerId: actor.userId, groupId }));
      }
      const images: ImageDto[] = [];
      for (const [i, { reader, key }] of stored.entries()) {
        const m = reader.metadata;
        const name = options.name === undefined ? m.name : stored.length > 1 ? `${options.name} [${i + 1}]` : options.name;
        const row = await repos.containers.insertImage({
          name, description: "", ownerId: actor.userId, groupId,
          sizeX: m.sizeX, sizeY: m.sizeY, sizeZ: m.sizeZ, sizeC: m.sizeC, sizeT: m.sizeT, pixelType: m.pixelType,
          physicalSizeX: m.physicalSizeX ?? null, physicalSizeY: m.physicalSizeY ?? null, physicalSizeZ: m.physicalSizeZ ?? null,
          physicalSizeUnit: "µm", timeIncrement: m.timeIncrement ?? null, format: m.format, storeKey: key,
          acquisitionDate: m.acquisitionDate ?? null, channels: channelsOf(m, stats[i]!),
        });
        for (const o of originals) await repos.originals.attach(row.id, o.id);
        if (options.datasetId !== undefined) {
          await repos.containers.insertLink("dataset", { parentId: options.datasetId, childId: row.id, ownerId: actor.userId, groupId });
        }
        images.push(toImageDto(actor, row));
      }
      return images;
    });
  }

  async #undo(written: Written): Promise<void> {
    // Best effort on every part: one failing cleanup must not keep the others from running.
    await Promise.allSettled([
      ...written.writers.map((w) => w.abort()),
      ...written.keys.map((k) => this.deps.pixels.delete(k)),
      ...written.files.map((f) => this.deps.files.delete(f.key)),
    ]);
  }
}

function planesOf(m: ImageMetadata): number {
  return m.sizeZ * m.sizeC * m.sizeT;
}

function channelsOf(m: ImageMetadata, stats: { min: number; max: number }[]): ChannelRecord[] {
  return Array.from({ length: m.sizeC }, (_, i) => {
    const meta = m.channels[i];
    const s = stats[i];
    return {
      index: i,
      name: meta?.name || `Ch${i + 1}`,
      color: meta?.color ?? defaultChannelColor(i, m.sizeC, meta?.emissionWavelength),
      emissionWavelength: meta?.emissionWavelength ?? null,
      windowStart: meta?.window?.start ?? s?.min ?? null,
      windowEnd: meta?.window?.end ?? s?.max ?? null,
      min: s?.min ?? null,
      max: s?.max ?? null,
    };
  });
}
