/**
 * Keeps the planes of image uploads (POST /image-uploads) in a private folder per upload under
 * the data directory's tmp/, until commit or abort removes it. Folders left by a crash are removed
 * at the next start, and uploads idle for a day are removed when the next one is created.
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { FoveaError, type CreateImageUploadRequest, type PixelType, type Plane, type TypedArray } from "@fovea/model";

const PREFIX = "image-upload-";
const IDLE_MS = 24 * 60 * 60 * 1000;
const CTORS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const satisfies Record<PixelType, unknown>;

/** What is kept about an upload between requests. */
export interface UploadRecord {
  readonly ownerId: number;
  readonly shell: CreateImageUploadRequest;
  readonly planeBytes: number;
}

function planeFile(z: number, c: number, t: number): string {
  return `z${z}-c${c}-t${t}.raw`;
}

export class PlaneSpool {
  readonly #root: string;

  constructor(tmpRoot: string) {
    this.#root = tmpRoot;
  }

  #dir(uploadId: string): string {
    return join(this.#root, `${PREFIX}${uploadId}`);
  }

  async create(record: UploadRecord): Promise<string> {
    await this.#sweep(Date.now() - IDLE_MS);
    const uploadId = crypto.randomUUID();
    await mkdir(this.#dir(uploadId), { recursive: true });
    await writeFile(join(this.#dir(uploadId), "upload.json"), JSON.stringify(record));
    return uploadId;
  }

  /** The upload, if it exists and belongs to `userId`; another user's upload is NOT_FOUND too. */
  async load(uploadId: string, userId: number): Promise<UploadRecord> {
    const text = await readFile(join(this.#dir(uploadId), "upload.json"), "utf8").catch(() => undefined);
    const record = text === undefined ? undefined : (JSON.parse(text) as UploadRecord);
    if (!record || record.ownerId !== userId) throw new FoveaError("NOT_FOUND", `Image upload ${uploadId} not found`);
    return record;
  }

  /** Stores one plane; a plane written again replaces the earlier one (written aside, then renamed). */
  async writePlane(uploadId: string, z: number, c: number, t: number, bytes: Uint8Array): Promise<void> {
    const file = join(this.#dir(uploadId), planeFile(z, c, t));
    await writeFile(`${file}.part`, bytes);
    await rename(`${file}.part`, file);
  }

  /** The planes not written yet, as [z, c, t]. */
  async missing(uploadId: string, shell: CreateImageUploadRequest): Promise<[number, number, number][]> {
    const present = new Set(await readdir(this.#dir(uploadId)));
    const out: [number, number, number][] = [];
    for (let t = 0; t < shell.sizeT; t++) for (let c = 0; c < shell.sizeC; c++) for (let z = 0; z < shell.sizeZ; z++) {
      if (!present.has(planeFile(z, c, t))) out.push([z, c, t]);
    }
    return out;
  }

  async readPlane(uploadId: string, shell: CreateImageUploadRequest, z: number, c: number, t: number): Promise<Plane> {
    const bytes = await readFile(join(this.#dir(uploadId), planeFile(z, c, t)));
    // readFile gives a fresh buffer, but possibly at an unaligned offset of a pooled one: copy to align.
    const ctor = CTORS[shell.pixelType];
    const data = new ctor(new Uint8Array(bytes).buffer) as TypedArray;
    return { width: shell.sizeX, height: shell.sizeY, data };
  }

  remove(uploadId: string): Promise<void> {
    return rm(this.#dir(uploadId), { recursive: true, force: true });
  }

  /** Removes every upload (at start: none can be in progress) or those idle since `before`. */
  async #sweep(before: number): Promise<void> {
    const names = await readdir(this.#root).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith(PREFIX))) {
      const dir = join(this.#root, name);
      const info = await stat(dir).catch(() => undefined);
      if (info && info.mtimeMs < before) await rm(dir, { recursive: true, force: true });
    }
  }

  removeAll(): Promise<void> {
    return this.#sweep(Infinity);
  }
}
