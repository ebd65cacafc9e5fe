/**
 * How the Data page's right panel writes image metadata: physical sizes with their unit or "not
 * calibrated", dimensions, times, wavelengths, windows and file sizes. Pure, so the wording is
 * tested once and the panel only lays it out.
 */
import type { ChannelDto, ImageDto } from "@fovea/model";

export const NOT_CALIBRATED = "not calibrated";

/** Up to 4 significant decimals without trailing zeros: 0.1075, 0.16, 2. */
function trimNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(decimals)));
}

/** A physical pixel size, e.g. `0.1075 µm`; null, zero or negative sizes mean the file did not say. */
export function formatPhysicalSize(size: number | null, unit: string): string {
  if (size === null || !(size > 0)) return NOT_CALIBRATED;
  return `${trimNumber(size)} ${unit || "µm"}`;
}

/** `X × Y × Z × C × T`, e.g. `512 × 512 × 9 × 4 × 1`. */
export function formatDimensions(image: Pick<ImageDto, "sizeX" | "sizeY" | "sizeZ" | "sizeC" | "sizeT">): string {
  return [image.sizeX, image.sizeY, image.sizeZ, image.sizeC, image.sizeT].join(" × ");
}

/** The field of view in physical units, e.g. `55.04 × 55.04 µm`, when X and Y are calibrated. */
export function formatFieldOfView(image: Pick<ImageDto, "sizeX" | "sizeY" | "physicalSizeX" | "physicalSizeY" | "physicalSizeUnit">): string | null {
  const { physicalSizeX: px, physicalSizeY: py } = image;
  if (px === null || py === null || !(px > 0) || !(py > 0)) return null;
  return `${trimNumber(image.sizeX * px, 2)} × ${trimNumber(image.sizeY * py, 2)} ${image.physicalSizeUnit || "µm"}`;
}

/** Seconds between time points, e.g. `0.5 s`, `2 min 30 s`; null for a single time point or unknown. */
export function formatTimeIncrement(seconds: number | null): string {
  if (seconds === null || !(seconds > 0)) return "not set";
  if (seconds < 1e-3) return `${trimNumber(seconds * 1e6, 2)} µs`;
  if (seconds < 1) return `${trimNumber(seconds * 1e3, 2)} ms`;
  if (seconds < 120) return `${trimNumber(seconds, 3)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** An ISO timestamp as a local date and time, or "unknown"; an unparsable value is shown as it is. */
export function formatDateTime(iso: string | null, locale?: string): string {
  if (iso === null || iso === "") return "unknown";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

export function formatWavelength(nm: number | null): string {
  return nm === null || !(nm > 0) ? "—" : `${trimNumber(nm, 1)} nm`;
}

/** A channel's display window, e.g. `120 – 3400`, or "auto" when none is stored. */
export function formatWindow(channel: Pick<ChannelDto, "windowStart" | "windowEnd">): string {
  if (channel.windowStart === null || channel.windowEnd === null) return "auto";
  return `${trimNumber(channel.windowStart, 2)} – ${trimNumber(channel.windowEnd, 2)}`;
}

/** A `#RRGGBB` CSS colour from the API's `RRGGBB` (tolerating a leading `#`); grey when malformed. */
export function channelCssColor(color: string): string {
  const hex = color.replace(/^#/, "");
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex}` : "#808080";
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** A file size in binary multiples written the usual way: `812 B`, `14.2 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (!(bytes >= 0)) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value < 100 ? value.toFixed(1) : String(Math.round(value));
  return `${shown} ${BYTE_UNITS[unit]}`;
}

/** `1 image`, `4 images`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
