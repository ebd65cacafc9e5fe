/**
 * The chunk codec of the store. zstd (zarrita's numcodecs wasm) level 1, measured against a
 * node:zlib gzip codec (gotcha 6) writing one 2048² uint16 plane of noisy blobs in 512² chunks,
 * median of 5 writes on the 2-core dev machine, two runs:
 *
 *   codec    write ms    MB/s     size ratio
 *   gzip-1   125 / 155   64 / 52  2.19
 *   gzip-6   169 / 198   47 / 40  2.26
 *   zstd-1    62 /  88  130 / 91  2.82   ← chosen: fastest and smallest of the fast ones
 *   zstd-3    83 / 126   97 / 64  3.07
 *   zstd-5   171 / 266   47 / 30  3.24
 *
 * zstd is a core Zarr v3 codec, so zarr-python, napari and Fiji's readers all open the result.
 *
 * Reading, zarrita decodes with numcodecs' Emscripten build, whose embind `std::string` argument
 * (`toWireType`) copies the compressed chunk into wasm memory byte by byte in JavaScript. zstddec
 * (installed with geotiff, reachable through its getDecoder) copies with one memcpy, but its wasm
 * decompresses more slowly: per 512² chunk it was 10–15% faster alone and no faster when reading
 * 47 planes in a row (~180 MB/s both, medians of 8), so reads stay on zarrita's decoder.
 */
import type { CodecMetadata } from "zarrita";

export const CHUNK_CODECS: CodecMetadata[] = [
  { name: "bytes", configuration: { endian: "little" } },
  { name: "zstd", configuration: { level: 1, checksum: false } },
];

/** Chunk edge in Y and X; every other axis has chunk size 1, so a plane is its own set of chunks. */
export const TILE_SIZE = 512;
