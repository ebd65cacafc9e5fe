/**
 * zstd decompression for the store's chunk reads.
 *
 * zarrita decodes zstd with numcodecs' Emscripten/embind build, whose `std::string` argument
 * conversion (`toWireType`) copies the compressed chunk into wasm memory one byte at a time in
 * JavaScript, and whose result is copied out again: ~2.0 ms for a 512² uint16 chunk of noisy data
 * on the 2-core dev machine. geotiff, already a dependency for TIFF, ships zstddec, a plain wasm
 * build that copies the input in with one memcpy: ~1.5 ms for the same chunk, same bytes out. We
 * reach it through geotiff's public decoder registry (50000 is zstd's TIFF compression code), so
 * no new dependency is needed; if that ever fails to load, the store falls back to zarrita.
 *
 * zstddec does not report errors: it trusts the frame's declared size and returns whatever came
 * out. So only input that is exactly one well-formed frame declaring the expected size is given to
 * it (frameContentSize); anything else goes to zarrita, whose decoder reports damage properly.
 */
import { getDecoder } from "geotiff";

type Decoder = Awaited<ReturnType<typeof getDecoder>>;

const ZSTD = 50000;
let decoder: Promise<Decoder | undefined> | undefined;

/** The decoder, or undefined when geotiff no longer provides one (the caller then uses zarrita). */
export function zstdDecoder(): Promise<Decoder | undefined> {
  // No predictor and one 8-bit sample: the decoder returns the decompressed bytes as they are.
  decoder ??= getDecoder(ZSTD, { tileWidth: 1, tileHeight: 1, predictor: 1, bitsPerSample: 8, planarConfiguration: 1 })
    .catch(() => undefined);
  return decoder;
}

/** Decompresses one checked frame (see frameContentSize) into a fresh buffer of its own. */
export async function decompressZstd(decoder: Decoder, bytes: Uint8Array): Promise<ArrayBuffer> {
  // The decoder takes a whole ArrayBuffer: pass a view's bytes only, copying when it is a slice.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const input = whole ? bytes.buffer : bytes.slice().buffer;
  return (await decoder.decode(input)) as ArrayBuffer;
}

/**
 * The content size declared by `bytes` if they are exactly one zstd frame (RFC 8878 §3.1.1) with
 * that size in its header, no dictionary, and blocks that end exactly where the input does;
 * otherwise undefined. Walking the block headers is cheap: a 512 KiB chunk has about five.
 */
export function frameContentSize(bytes: Uint8Array): number | undefined {
  const u8 = (i: number) => bytes[i] ?? 0;
  const le = (at: number, n: number) => {
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + u8(at + i);
    return v;
  };
  if (bytes.length < 6 || le(0, 4) !== 0xfd2fb528) return undefined;
  const fhd = u8(4);
  const fcsFlag = fhd >> 6;
  const singleSegment = (fhd >> 5) & 1;
  if ((fhd & 0x08) !== 0 || (fhd & 0x03) !== 0) return undefined; // reserved bit, or a dictionary
  const fcsBytes = [singleSegment, 2, 4, 8][fcsFlag]!;
  if (fcsBytes === 0) return undefined; // size not declared
  let at = 5 + (singleSegment ? 0 : 1);
  const size = le(at, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
  at += fcsBytes;
  for (;;) {
    if (at + 3 > bytes.length) return undefined;
    const header = le(at, 3);
    const type = (header >> 1) & 3;
    if (type === 3) return undefined; // reserved block type
    at += 3 + (type === 1 ? 1 : header >>> 3); // an RLE block stores one byte
    if (header & 1) break; // last block
  }
  if (fhd & 0x04) at += 4; // content checksum
  return at === bytes.length ? size : undefined;
}
