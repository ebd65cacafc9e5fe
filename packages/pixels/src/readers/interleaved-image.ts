/**
 * An ImageReader over one decoded 2-D image held in memory with interleaved samples (PNG and
 * JPEG decoders give whole images): each kept sample becomes a channel plane.
 */
import type { ChannelMeta, ImageMetadata, ImageReader } from "@fovea/core";
import type { Plane, TypedArray } from "@fovea/model";
import { allocate, pixelTypeOf } from "../common/pixel-types.ts";
import { defaultChannels, RGB_CHANNELS } from "./channel-defaults.ts";
import { checkPlaneIndex } from "./plane-index.ts";

/** A whole decoded image, samples interleaved. */
export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly data: TypedArray;
  /** Samples per pixel in `data`. */
  readonly samples: number;
}

/**
 * Channels kept from a decoded image: grey (1) or RGB (3). Alpha (the 2nd of grey+alpha, the 4th
 * of RGBA) is transparency, not intensity, and is dropped.
 */
export function keptChannels(samples: number): ChannelMeta[] {
  return samples >= 3 ? [...RGB_CHANNELS] : defaultChannels(1);
}

/** Hands out each kept sample of a decoded image as a channel plane. */
export class InterleavedImageReader implements ImageReader {
  readonly metadata: ImageMetadata;

  constructor(
    private readonly image: DecodedImage,
    base: Omit<ImageMetadata, "sizeX" | "sizeY" | "sizeZ" | "sizeC" | "sizeT" | "pixelType" | "channels">,
  ) {
    const channels = keptChannels(image.samples);
    this.metadata = {
      ...base, sizeX: image.width, sizeY: image.height, sizeZ: 1, sizeC: channels.length, sizeT: 1,
      pixelType: pixelTypeOf(image.data), channels,
    };
  }

  async readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane> {
    signal?.throwIfAborted();
    checkPlaneIndex(this.metadata, z, c, t);
    const { width, height, data, samples } = this.image;
    const out = allocate(this.metadata.pixelType, width * height);
    for (let i = 0, j = c; i < out.length; i++, j += samples) out[i] = data[j]!;
    return { width, height, data: out };
  }
}
