/**
 * Collecting the images a script works on from the conventional `Data_Type` + `IDs` pair. Ids that
 * do not exist or that the user cannot see are skipped with a log line, as OMERO's scripts do,
 * rather than failing the whole job; each image appears once, in first-seen order.
 */
import { listAll, type FoveaClient, type ImageDto } from "@fovea/client";
import { isFoveaError } from "@fovea/model";
import { createImage, type NewImage, type WritePlane } from "./measure.ts";

/** The containers `Data_Type` may name. */
export type ImageSource = "Project" | "Dataset" | "Image";

type Log = (...args: unknown[]) => void;

export class ImageHelpers {
  readonly #client: FoveaClient;
  readonly #log: Log;

  constructor(client: FoveaClient, log: Log) {
    this.#client = client;
    this.#log = log;
  }

  /** The images of `ids` read as `dataType` (Project → its datasets' images, Dataset → its images). */
  of(dataType: ImageSource, ids: readonly number[]): Promise<ImageDto[]> {
    switch (dataType) {
      case "Project": return this.ofProjects(ids);
      case "Dataset": return this.ofDatasets(ids);
      case "Image": return this.byIds(ids);
    }
  }

  /**
   * A new image from planes written by `fill` (each exactly sizeX × sizeY values); it is created
   * when `fill` resolves and every plane was written, and not at all otherwise.
   *
   * @example
   * const image = await ctx.images.create({ name: "kymo", sizeX: n, sizeY: rows, sizeZ: 1, sizeC: 1, sizeT: 1,
   *   pixelType: "uint16", channels: [{ name: "GFP" }], datasetId }, async (write) => write(0, 0, 0, values));
   */
  create(meta: NewImage, fill: (writePlane: WritePlane) => Promise<void>): Promise<ImageDto> {
    return createImage(this.#client, meta, fill);
  }

  /** The images of these datasets. */
  async ofDatasets(ids: readonly number[]): Promise<ImageDto[]> {
    const found = new Map<number, ImageDto>();
    for (const id of ids) {
      const images = await this.#skipMissing("Dataset", id, () => listAll((page) => this.#client.datasets.images(id, page)));
      for (const image of images ?? []) if (!found.has(image.id)) found.set(image.id, image);
    }
    return [...found.values()];
  }

  /** The images of these projects' datasets. */
  async ofProjects(ids: readonly number[]): Promise<ImageDto[]> {
    const datasetIds: number[] = [];
    for (const id of ids) {
      const datasets = await this.#skipMissing("Project", id, () => listAll((page) => this.#client.projects.datasets(id, page)));
      for (const d of datasets ?? []) if (!datasetIds.includes(d.id)) datasetIds.push(d.id);
    }
    return this.ofDatasets(datasetIds);
  }

  /** These images themselves. */
  async byIds(ids: readonly number[]): Promise<ImageDto[]> {
    const found = new Map<number, ImageDto>();
    for (const id of ids) {
      if (found.has(id)) continue;
      const image = await this.#skipMissing("Image", id, () => this.#client.images.get(id));
      if (image) found.set(id, image);
    }
    return [...found.values()];
  }

  async #skipMissing<T>(type: string, id: number, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (err) {
      if (!isFoveaError(err, "NOT_FOUND") && !isFoveaError(err, "FORBIDDEN")) throw err;
      this.#log(`${type} ${id} not found or not visible: skipped`);
      return undefined;
    }
  }
}
