/**
 * RGB buffers of finished renders, for the next ones: a fresh 768 KiB buffer for a 512² tile costs
 * ~0.4 ms of page faults and zeroing, a tenth of the channel mixing. renderRgb overwrites every
 * byte, so a reused buffer needs no clearing. A few are kept, for renders running side by side.
 */
const spareRgb: Uint8Array[] = [];
const SPARE_RGB = 4;
/** Larger renders (whole big planes) are rare, and their buffers are not worth holding on to. */
const SPARE_MAX_BYTES = 4 * 2 ** 20;

/** A buffer of `bytes` bytes with arbitrary contents: one put back earlier, or a new one. */
export function takeRgbBuffer(bytes: number): Uint8Array {
  const i = spareRgb.findIndex((b) => b.length === bytes);
  return i >= 0 ? spareRgb.splice(i, 1)[0]! : new Uint8Array(bytes);
}

/** Puts back a buffer nobody reads any more (after its encode settled). */
export function spareRgbBuffer(buffer: Uint8Array): void {
  if (buffer.length > SPARE_MAX_BYTES) return;
  if (spareRgb.length >= SPARE_RGB) spareRgb.shift();
  spareRgb.push(buffer);
}
