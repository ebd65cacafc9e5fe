/**
 * Encodes 8-bit RGB pixels as PNG or JPEG with sharp (libvips), optionally resizing first.
 */
import sharp from "sharp";
import { FoveaError } from "@fovea/model";

export type ImageFormat = "png" | "jpeg";

export interface EncodeOptions {
  readonly format: ImageFormat;
  /** JPEG quality 1–100 (default 90); ignored for PNG. */
  readonly quality?: number | undefined;
  /** Scale so that the longer side is this many pixels (up or down), keeping the aspect ratio. */
  readonly longestSide?: number | undefined;
}

/** The encoded bytes, as a view of sharp's output buffer (no copy). */
export async function encodeRgb(rgb: Uint8Array, width: number, height: number, opts: EncodeOptions): Promise<Uint8Array> {
  let img = sharp(rgb, { raw: { width, height, channels: 3 } });
  if (opts.longestSide !== undefined) {
    const s = opts.longestSide / Math.max(width, height);
    const w = Math.max(1, Math.round(width * s));
    const h = Math.max(1, Math.round(height * s));
    // fill: the box already has the image's aspect ratio (to rounding), so nothing is cropped.
    img = img.resize(w, h, { fit: "fill", kernel: s > 1 ? "nearest" : "lanczos3" });
  }
  if (opts.format === "png") return viewOf(await img.png().toBuffer());
  if (opts.format === "jpeg") {
    const quality = opts.quality ?? 90;
    if (!Number.isInteger(quality) || quality < 1 || quality > 100) {
      throw new FoveaError("VALIDATION_FAILED", `JPEG quality must be an integer 1-100, got ${quality}`, {
        details: [{ field: "quality", message: "must be an integer 1-100" }],
      });
    }
    return viewOf(await img.jpeg({ quality }).toBuffer());
  }
  const format: never = opts.format;
  throw new FoveaError("VALIDATION_FAILED", `unknown image format ${String(format)}`, { details: [{ field: "format", message: "must be png or jpeg" }] });
}

/** A plain Uint8Array over a Buffer's bytes: callers get the usual type without a copy. */
function viewOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
