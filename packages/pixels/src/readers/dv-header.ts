/**
 * The 1024-byte DeltaVision (Priism/MRC-derived) header: layout as in tlambert03/mrc `mrc.py` and
 * Bio-Formats' DeltavisionReader. Parsing is pure and validates everything the pixel reads rely
 * on, so a damaged header fails here with FILE_UNREADABLE rather than later with a wrong plane.
 */
import type { PixelType } from "@fovea/model";
import { unreadable, unsupported } from "./reader-errors.ts";

/** Size of the fixed header; the extended header and the pixels follow it. */
export const DV_HEADER_BYTES = 1024;
/** The DeltaVision marker ("dvid") at byte 96; read in the wrong byte order it is 0xA0C0. */
export const DV_MAGIC = 0xc0a0;
const DV_MAGIC_OFFSET = 96;

/** Image sequence (plane order) codes at byte 182, fastest-varying axis first. */
export type DvSequence = "ZTW" | "WZT" | "ZWT";
const SEQUENCES: readonly DvSequence[] = ["ZTW", "WZT", "ZWT"];

/**
 * MRC modes we read. Mode 0 is signed 8-bit in MRC2014, but Priism/SoftWoRx (which write
 * DeltaVision) treat it as unsigned bytes, and so does Bio-Formats: for a DeltaVision file uint8
 * is the faithful reading. Modes 3/4 (complex) and others are refused as unsupported.
 */
const MODES: Readonly<Record<number, PixelType>> = { 0: "uint8", 1: "int16", 2: "float32", 6: "uint16" };
const BYTES: Readonly<Record<PixelType, number>> = { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, float64: 8 };

/** Largest plane we will allocate (bytes): beyond this a "valid" header is almost surely damaged. */
const MAX_PLANE_BYTES = 2 ** 31 - 1;

/** The validated header fields the reader uses. */
export interface DvHeader {
  readonly littleEndian: boolean;
  readonly sizeX: number;
  readonly sizeY: number;
  readonly sizeZ: number;
  readonly sizeC: number;
  readonly sizeT: number;
  readonly sections: number;
  readonly mode: number;
  readonly pixelType: PixelType;
  /** Micrometres per pixel, when the header holds a positive finite value. */
  readonly pixelSize: { x?: number; y?: number; z?: number };
  readonly extendedHeaderBytes: number;
  readonly sequence: DvSequence;
  /** Emission wavelength (nm) per channel, 0 when unknown. */
  readonly wavelengths: readonly number[];
  readonly titles: readonly string[];
  /** Byte offset of the first plane, and the size of one plane. */
  readonly dataOffset: number;
  readonly planeBytes: number;
}

/** Whether the first bytes of a file carry the DeltaVision marker, in either byte order. */
export function hasDvMagic(head: Uint8Array): boolean {
  if (head.length < DV_MAGIC_OFFSET + 2) return false;
  const a = head[DV_MAGIC_OFFSET]!;
  const b = head[DV_MAGIC_OFFSET + 1]!;
  return (a === 0xa0 && b === 0xc0) || (a === 0xc0 && b === 0xa0);
}

/** Parses and validates a header; `fileSize` bounds the pixel block. */
export function parseDvHeader(path: string, bytes: Uint8Array, fileSize: number): DvHeader {
  if (bytes.length < DV_HEADER_BYTES) {
    throw unreadable(path, `DeltaVision header truncated: ${bytes.length} of ${DV_HEADER_BYTES} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, DV_HEADER_BYTES);
  const marker = view.getUint16(DV_MAGIC_OFFSET, true);
  if (marker !== DV_MAGIC && marker !== 0xa0c0) throw unreadable(path, "no DeltaVision marker (0xC0A0) at byte 96");
  const le = marker === DV_MAGIC;
  const i32 = (o: number) => view.getInt32(o, le);
  const i16 = (o: number) => view.getInt16(o, le);
  const f32 = (o: number) => view.getFloat32(o, le);

  const [nx, ny, sections, mode, next] = [i32(0), i32(4), i32(8), i32(12), i32(92)];
  if (nx <= 0 || ny <= 0 || sections <= 0) {
    throw unreadable(path, `DeltaVision header gives non-positive sizes (nx ${nx}, ny ${ny}, sections ${sections})`);
  }
  const pixelType = MODES[mode];
  if (pixelType === undefined) {
    throw unsupported(path, `DeltaVision pixel mode ${mode} is not supported (only 0 uint8, 1 int16, 2 float32, 6 uint16)`);
  }
  if (next < 0) throw unreadable(path, `DeltaVision header gives a negative extended-header size (${next})`);
  const sizeT = Math.max(1, i16(180));
  const sizeC = Math.max(1, i16(196));
  const seqCode = i16(182);
  const sequence = SEQUENCES[seqCode];
  if (sequence === undefined) throw unreadable(path, `DeltaVision header gives an unknown image sequence ${seqCode} (expected 0, 1 or 2)`);
  if (sections % (sizeT * sizeC) !== 0) {
    throw unreadable(path, `DeltaVision header: ${sections} sections do not divide into ${sizeT} time points × ${sizeC} wavelengths`);
  }
  const planeBytes = nx * ny * BYTES[pixelType];
  if (planeBytes > MAX_PLANE_BYTES) throw unreadable(path, `DeltaVision plane of ${nx}×${ny} is implausibly large (damaged header?)`);
  const dataOffset = DV_HEADER_BYTES + next;
  const needed = dataOffset + planeBytes * sections;
  // Numbers stay exact below 2^53; nx, ny, sections and next are each below 2^31 and planeBytes
  // below 2^31, so `needed` is below 2^62 — compare it only once we know it is exact.
  if (!Number.isSafeInteger(needed) || needed > fileSize) {
    throw unreadable(path, `DeltaVision header describes ${needed} bytes (1024 + ${next} + ${nx}×${ny}×${sections}×${BYTES[pixelType]}) but the file has ${fileSize} (truncated or damaged)`);
  }
  return {
    littleEndian: le, sizeX: nx, sizeY: ny, sizeZ: sections / (sizeT * sizeC), sizeC, sizeT, sections, mode, pixelType,
    pixelSize: positive({ x: f32(40), y: f32(44), z: f32(48) }),
    extendedHeaderBytes: next, sequence,
    wavelengths: Array.from({ length: sizeC }, (_, w) => (w < 5 ? Math.max(0, i16(198 + 2 * w)) : 0)),
    titles: readTitles(bytes, view, le),
    dataOffset, planeBytes,
  };
}

function positive(sizes: { x: number; y: number; z: number }): DvHeader["pixelSize"] {
  const out: { x?: number; y?: number; z?: number } = {};
  for (const k of ["x", "y", "z"] as const) if (Number.isFinite(sizes[k]) && sizes[k] > 0) out[k] = sizes[k];
  return out;
}

/**
 * The up-to-ten 80-character title lines. MRC stores their count as an int32 at 220; SoftWoRx
 * files keep it in the int16 at 222 (the int32 reads e.g. 262146), so accept either when sane.
 */
function readTitles(bytes: Uint8Array, view: DataView, le: boolean): string[] {
  const asInt32 = view.getInt32(220, le);
  const asInt16 = view.getInt16(222, le);
  const count = asInt32 >= 0 && asInt32 <= 10 ? asInt32 : asInt16 >= 0 && asInt16 <= 10 ? asInt16 : 10;
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const raw = new TextDecoder("latin1").decode(bytes.subarray(224 + 80 * i, 224 + 80 * (i + 1)));
    const line = raw.replace(/\0.*$/s, "").trimEnd();
    // eslint-disable-next-line no-control-regex
    if (line.trim() && !/[\x00-\x08\x0e-\x1f\x7f-\x9f]/.test(line)) titles.push(line);
  }
  return titles;
}

/** Index of the section holding plane (z, c, t) in the file, by the header's image sequence. */
export function sectionIndex(h: Pick<DvHeader, "sequence" | "sizeZ" | "sizeC" | "sizeT">, z: number, c: number, t: number): number {
  switch (h.sequence) {
    case "ZTW": return z + h.sizeZ * (t + h.sizeT * c);
    case "WZT": return c + h.sizeC * (z + h.sizeZ * t);
    case "ZWT": return z + h.sizeZ * (c + h.sizeC * t);
  }
}
