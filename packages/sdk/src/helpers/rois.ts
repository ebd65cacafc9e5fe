/** ROI reading for analysis and export scripts. */
import { listAll, type FoveaClient, type RoiDto } from "@fovea/client";

export class RoiHelpers {
  readonly #client: FoveaClient;

  constructor(client: FoveaClient) {
    this.#client = client;
  }

  /** Every ROI of the image (all pages), in the server's order (by id). */
  ofImage(imageId: number): Promise<RoiDto[]> {
    return listAll((page) => this.#client.rois.list(imageId, page));
  }
}
