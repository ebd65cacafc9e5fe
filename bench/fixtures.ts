/**
 * Benchmark inputs made on the spot: an uncompressed OME-TIFF (through Fovea's own exporter) and a
 * DeltaVision file (a minimal header + raw planes) of the same pixels, so both readers get the
 * same bytes to import.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import type { ImageReader } from "@fovea/core";
import type { Plane } from "@fovea/model";

/** A uint16 stack whose planes are cheap to compute and not trivially compressible. */
export function syntheticStack(size: number, planes: number, channels = 1): ImageReader {
  return {
    metadata: {
      name: "bench-stack", sizeX: size, sizeY: size, sizeZ: planes, sizeC: channels, sizeT: 1, pixelType: "uint16",
      physicalSizeX: 0.1, physicalSizeY: 0.1, physicalSizeZ: 0.2, channels: Array.from({ length: channels }, (_, c) => ({ name: `Ch${c + 1}` })),
      format: "Synthetic",
    },
    async readPlane(z: number, c: number): Promise<Plane> {
      const data = new Uint16Array(size * size);
      let s = (z * 7919 + c * 104729 + 1) >>> 0;
      for (let i = 0; i < data.length; i++) {
        s = (s * 1664525 + 1013904223) >>> 0; // an LCG: noise, so compression cannot cheat
        data[i] = 100 + ((i % size) * 3 + (i / size) * 2 + (z + c) * 50) % 3000 + (s >>> 28);
      }
      return { width: size, height: size, data };
    },
  };
}

/** Writes `reader` (one channel, Z planes) as a little-endian DeltaVision file with no extended header. */
export async function writeDv(reader: ImageReader, dir: string): Promise<string> {
  const m = reader.metadata;
  const path = join(dir, "bench.dv");
  const header = Buffer.alloc(1024);
  header.writeInt32LE(m.sizeX, 0);
  header.writeInt32LE(m.sizeY, 4);
  header.writeInt32LE(m.sizeZ * m.sizeC * m.sizeT, 8);
  header.writeInt32LE(6, 12); // mode 6: uint16
  header.writeFloatLE(m.physicalSizeX ?? 0, 40);
  header.writeFloatLE(m.physicalSizeY ?? 0, 44);
  header.writeFloatLE(m.physicalSizeZ ?? 0, 48);
  header.writeInt32LE(0, 92); // no extended header
  header.writeUInt16LE(0xc0a0, 96);
  header.writeUInt16LE(m.sizeT, 180);
  header.writeUInt16LE(0, 182); // ZTW
  header.writeUInt16LE(m.sizeC, 196);
  const out = createWriteStream(path);
  out.write(header);
  for (let c = 0; c < m.sizeC; c++) for (let z = 0; z < m.sizeZ; z++) {
    const plane = await reader.readPlane(z, c, 0);
    if (!out.write(Buffer.from(plane.data.buffer, plane.data.byteOffset, plane.data.byteLength))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return path;
}
