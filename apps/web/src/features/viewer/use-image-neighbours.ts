/**
 * The dataset around the image on show: its name, and the images before and after this one in
 * the dataset's order, for the header's back link and Previous / Next.
 */
import { listAll } from "@fovea/client";
import type { DatasetDto, ImageDto } from "@fovea/model";
import { api } from "../../api/web-client.ts";
import { useAsync } from "../../ui/use-async.ts";

export interface ImageNeighbours {
  dataset: DatasetDto;
  /** 0-based position of the image in the dataset, and the dataset's image count. */
  position: number;
  count: number;
  previous: ImageDto | undefined;
  next: ImageDto | undefined;
}

/**
 * `originId` is the dataset the viewer was opened from; without one (a reload, a bookmark, a link
 * from Activities) the image's first dataset is used. Undefined while loading, for an orphaned
 * image, or when the image is not in the dataset.
 */
export function useImageNeighbours(imageId: number, originId: number | undefined): ImageNeighbours | undefined {
  const state = useAsync(async () => {
    const datasetId = originId ?? (await api.images.datasets(imageId))[0]?.id;
    if (datasetId === undefined) return undefined;
    const [dataset, images] = await Promise.all([
      api.datasets.get(datasetId),
      listAll((page) => api.datasets.images(datasetId, page)),
    ]);
    const position = images.findIndex((im) => im.id === imageId);
    if (position < 0) return undefined;
    return { dataset, position, count: images.length, previous: images[position - 1], next: images[position + 1] };
  }, [imageId, originId]);
  return state.status === "ready" ? state.data : undefined;
}
