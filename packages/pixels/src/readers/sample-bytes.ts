/**
 * Raw sample bytes → a typed array in the machine's byte order. Files store samples big- or
 * little-endian; typed arrays always use the host's order, so bytes are swapped when they differ.
 */
import type { PixelType, TypedArray } from "@fovea/model";
import { bytesPerPixel, viewAs } from "../common/pixel-types.ts";

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Reverses each `size`-byte group of `bytes` in place. */
function swapInPlace(bytes: Uint8Array, size: number): void {
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const tmp = bytes[a]!;
      bytes[a] = bytes[b]!;
      bytes[b] = tmp;
    }
  }
}

/**
 * Views `bytes` (which this function may modify and keep) as samples of `type` stored in the given
 * byte order. The result may share memory with `bytes`.
 */
export function samplesFromBytes(type: PixelType, bytes: Uint8Array, littleEndian: boolean): TypedArray {
  const size = bytesPerPixel(type);
  if (size > 1 && littleEndian !== HOST_IS_LITTLE_ENDIAN) swapInPlace(bytes, size);
  return viewAs(type, bytes);
}
