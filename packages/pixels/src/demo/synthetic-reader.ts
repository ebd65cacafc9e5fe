/**
 * Wraps a plane-rendering function as an ImageReader: index checks, cancellation, and the camera.
 * Planes are computed on demand and nothing is cached, so a reader holds one plane at a time
 * however large the stack.
 */
import { FoveaError, type FieldIssue, type Plane } from "@fovea/model";
import type { ImageMetadata, ImageReader } from "@fovea/core";
import { exposePlane, type CameraModel } from "./camera.ts";
import { mixSeed } from "./random.ts";

/** Fills `signal` (zeroed, sizeX × sizeY) with the expected photons of plane (z, c, t). */
export type RenderSignal = (signal: Float32Array, z: number, c: number, t: number) => void;

export interface SyntheticImage {
  readonly metadata: ImageMetadata;
  readonly render: RenderSignal;
  readonly camera: CameraModel;
  /** Seeds the camera noise; each plane mixes in its own (z, c, t). */
  readonly noiseSeed: number;
}

/** An ImageReader over a synthetic image; planes are uint16 and identical on every call. */
export function syntheticReader(image: SyntheticImage): ImageReader {
  const { metadata, render, camera, noiseSeed } = image;
  if (metadata.pixelType !== "uint16") throw new TypeError(`synthetic images are uint16, not ${metadata.pixelType}`);
  return {
    metadata,
    async readPlane(z: number, c: number, t: number, signal?: AbortSignal): Promise<Plane> {
      signal?.throwIfAborted();
      checkPlaneIndex(metadata, z, c, t);
      const { sizeX: width, sizeY: height } = metadata;
      const expected = new Float32Array(width * height);
      render(expected, z, c, t);
      const data = new Uint16Array(width * height);
      exposePlane(expected, data, camera, mixSeed(noiseSeed, z, c, t));
      return { width, height, data };
    },
  };
}

/**
 * Refuses indices outside the image (or not integers), naming each offending axis, with the same
 * code and details shape as the server's own plane checks.
 */
function checkPlaneIndex(meta: ImageMetadata, z: number, c: number, t: number): void {
  const issues: FieldIssue[] = [];
  const check = (field: string, v: number, size: number) => {
    if (!Number.isInteger(v) || v < 0 || v >= size) issues.push({ field, message: `must be an integer in 0..${size - 1} (got ${v})` });
  };
  check("z", z, meta.sizeZ);
  check("c", c, meta.sizeC);
  check("t", t, meta.sizeT);
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new FoveaError("VALIDATION_FAILED", `Plane (z=${z}, c=${c}, t=${t}) is outside image ${meta.name}: ${first.field} ${first.message}`, {
    details: issues,
  });
}
