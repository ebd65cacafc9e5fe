/**
 * Formats we recognise but do not read, so that users get "Zeiss CZI is not supported" rather than
 * "unrecognised file". Each entry is a magic-byte test on the first KiB.
 */

interface KnownFormat {
  readonly name: string;
  readonly matches: (head: Uint8Array) => boolean;
  /** Extra advice appended to the message. */
  readonly hint?: string;
}

function startsWith(head: Uint8Array, bytes: readonly number[] | string, at = 0): boolean {
  const seq = typeof bytes === "string" ? Array.from(bytes, (ch) => ch.charCodeAt(0)) : bytes;
  if (head.length < at + seq.length) return false;
  return seq.every((b, i) => head[at + i] === b);
}

const KNOWN: readonly KnownFormat[] = [
  { name: "Zeiss CZI", matches: (h) => startsWith(h, "ZISRAWFILE"), hint: "export it as OME-TIFF (e.g. with Fiji/Bio-Formats)" },
  { name: "Nikon ND2", matches: (h) => startsWith(h, [0xda, 0xce, 0xbe, 0x0a]) },
  { name: "Leica LIF", matches: (h) => startsWith(h, [0x70, 0, 0, 0]) && startsWith(h, [0x2a], 8) },
  { name: "HDF5 (e.g. Imaris .ims)", matches: (h) => startsWith(h, [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: "OLE2 compound file (e.g. Olympus OIB, Zeiss ZVI)", matches: (h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
  { name: "ZIP archive", matches: (h) => startsWith(h, [0x50, 0x4b, 0x03, 0x04]), hint: "unpack it and import the files inside" },
  { name: "GIF", matches: (h) => startsWith(h, "GIF87a") || startsWith(h, "GIF89a") },
  { name: "BMP", matches: (h) => startsWith(h, "BM") && h.length >= 26 && startsWith(h, [0, 0], 6) },
  { name: "JPEG 2000", matches: (h) => startsWith(h, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(h, [0xff, 0x4f, 0xff, 0x51]) },
  { name: "NIfTI", matches: (h) => startsWith(h, "n+1\0", 344) || startsWith(h, "ni1\0", 344) },
];

/** `"<format> is not supported[; hint]"` when the bytes are a format we know, else undefined. */
export function describeUnsupported(head: Uint8Array): string | undefined {
  const f = KNOWN.find((k) => k.matches(head));
  return f ? `${f.name} is not supported${f.hint ? `; ${f.hint}` : ""}` : undefined;
}
