/**
 * Loads one grid tile from the render API: `renderUrl(image, { z, t, level, region, c, jpeg })`.
 * Tiles are fetched (not put in an <img>) so that a lost session is noticed and a cancelled tile
 * aborts its request. Edge tiles come back smaller than the tile size, and OpenLayers stretches
 * whatever a tile holds over the whole tile, so they are drawn into a full-size canvas, top-left.
 */
import type { Loader } from "ol/source/ImageTile";
import type { ImageLike } from "ol/DataTile";
import { FoveaHttpError, codeForStatus } from "@fovea/client";
import { renderUrl } from "../../api/web-client.ts";
import { isAbort } from "../../api/error-message.ts";
import { sessionLost } from "../../state/session.ts";
import { tileRequest, type PyramidLayout } from "./pyramid-grid.ts";
import { channelParam, type RenderSettings } from "./render-settings.ts";

export interface TileLoaderOptions {
  imageId: number;
  layout: PyramidLayout;
  settings: RenderSettings;
  /** Told of every tile that failed, except the ones OpenLayers cancelled. */
  onTileError?: ((err: unknown) => void) | undefined;
}

export function makeTileLoader({ imageId, layout, settings, onTileError }: TileLoaderOptions): Loader {
  const c = channelParam(settings.channels);
  return async (gridZ, x, y, { signal }) => {
    const request = tileRequest(layout, gridZ, x, y);
    if (!request) return emptyTile(layout.tileSize);
    const url = renderUrl(imageId, { z: settings.z, t: settings.t, level: request.level, region: request.region, c, format: "jpeg" });
    try {
      return padToTile(await fetchBitmap(url, signal), layout.tileSize);
    } catch (err) {
      if (!signal.aborted && !isAbort(err)) onTileError?.(err);
      throw err;
    }
  };
}

async function fetchBitmap(url: string, signal: AbortSignal): Promise<ImageBitmap> {
  const res = await fetch(url, { signal, credentials: "same-origin" });
  if (!res.ok) {
    const err = new FoveaHttpError(codeForStatus(res.status), `A tile could not be rendered (HTTP ${res.status})`, res.status);
    sessionLost(err);
    throw err;
  }
  return createImageBitmap(await res.blob());
}

function padToTile(bitmap: ImageBitmap, tileSize: number): ImageLike {
  if (bitmap.width === tileSize && bitmap.height === tileSize) return bitmap;
  const canvas = emptyTile(tileSize);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas;
}

function emptyTile(tileSize: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = tileSize;
  canvas.height = tileSize;
  return canvas;
}
