/** Builds small DeltaVision files for tests: the 1024-byte header, an extended header, pixels. */

export interface DvSpec {
  littleEndian?: boolean;
  nx: number;
  ny: number;
  sections: number;
  mode: number;
  times?: number;
  waves?: number[];
  sequence?: number;
  next?: number;
  pixelSize?: [number, number, number];
  titles?: string[];
  /** Value of pixel i of section s (default: s * 1000 + i). */
  value?: (section: number, i: number) => number;
}

const BYTES: Record<number, number> = { 0: 1, 1: 2, 2: 4, 6: 2 };

export function writeDv(spec: DvSpec): Uint8Array {
  const le = spec.littleEndian ?? true;
  const next = spec.next ?? 0;
  const bpp = BYTES[spec.mode] ?? 2;
  const plane = spec.nx * spec.ny;
  const bytes = new Uint8Array(1024 + next + plane * spec.sections * bpp);
  const v = new DataView(bytes.buffer);
  v.setInt32(0, spec.nx, le); v.setInt32(4, spec.ny, le); v.setInt32(8, spec.sections, le); v.setInt32(12, spec.mode, le);
  const [dx, dy, dz] = spec.pixelSize ?? [0.1, 0.1, 0.3];
  v.setFloat32(40, dx, le); v.setFloat32(44, dy, le); v.setFloat32(48, dz, le);
  v.setInt32(92, next, le);
  v.setUint16(96, 0xc0a0, le);
  v.setInt16(180, spec.times ?? 1, le);
  v.setInt16(182, spec.sequence ?? 0, le);
  const waves = spec.waves ?? [0];
  v.setInt16(196, waves.length, le);
  waves.slice(0, 5).forEach((w, i) => v.setInt16(198 + 2 * i, w, le));
  const titles = spec.titles ?? [];
  v.setInt32(220, titles.length, le);
  titles.forEach((t, i) => bytes.set(new TextEncoder().encode(t.slice(0, 80)), 224 + 80 * i));
  const value = spec.value ?? ((s, i) => s * 1000 + i);
  for (let s = 0; s < spec.sections; s++) {
    for (let i = 0; i < plane; i++) {
      const at = 1024 + next + (s * plane + i) * bpp;
      const x = value(s, i);
      if (spec.mode === 0) v.setUint8(at, x);
      else if (spec.mode === 1) v.setInt16(at, x, le);
      else if (spec.mode === 2) v.setFloat32(at, x, le);
      else v.setUint16(at, x, le);
    }
  }
  return bytes;
}
