/**
 * Unit conversion for the metadata readers: Fovea records lengths in micrometres and time in
 * seconds (SPEC §2). Files spell units many ways (OME's `µm` with the micro sign or the Greek mu,
 * ImageJ's `micron` or an escaped `\u00B5m`, NGFF's `micrometer`); unknown units give undefined,
 * because a size in an unknown unit is no size at all.
 */

const LENGTH_IN_UM: Readonly<Record<string, number>> = {
  "µm": 1, "μm": 1, um: 1, micron: 1, microns: 1, micrometer: 1, micrometre: 1, micrometers: 1, micrometres: 1,
  nm: 1e-3, nanometer: 1e-3, nanometre: 1e-3,
  "å": 1e-4, "Å": 1e-4, angstrom: 1e-4, "ångström": 1e-4, pm: 1e-6, picometer: 1e-6,
  mm: 1e3, millimeter: 1e3, millimetre: 1e3, cm: 1e4, centimeter: 1e4, centimetre: 1e4,
  m: 1e6, meter: 1e6, metre: 1e6,
};

const TIME_IN_S: Readonly<Record<string, number>> = {
  s: 1, sec: 1, second: 1, seconds: 1,
  ms: 1e-3, millisecond: 1e-3, milliseconds: 1e-3,
  "µs": 1e-6, "μs": 1e-6, us: 1e-6, microsecond: 1e-6, microseconds: 1e-6,
  ns: 1e-9, nanosecond: 1e-9, nanoseconds: 1e-9,
  min: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hour: 3600, hours: 3600,
};

function normalise(unit: string): string {
  // ImageJ writes non-ASCII as a literal "\u00B5"; the Angstrom sign U+212B is also seen.
  const decoded = unit.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return decoded.trim().replace("\u212b", "Å").toLowerCase();
}

/** Factor from `unit` to micrometres, or undefined when the unit is not a length we know. */
export function lengthFactorToMicrons(unit: string): number | undefined {
  const u = normalise(unit);
  return LENGTH_IN_UM[u] ?? LENGTH_IN_UM[u.replace(/s$/, "")];
}

/** Factor from `unit` to seconds, or undefined when the unit is not a time we know. */
export function timeFactorToSeconds(unit: string): number | undefined {
  return TIME_IN_S[normalise(unit)];
}

/** A positive, finite number, else undefined (files carry 0, NaN and negative "unknown" sizes). */
export function positiveOrUndefined(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined;
}

/** `value` in `unit` (default `defaultUnit`) as micrometres; undefined when unknown or not positive. */
export function toMicrons(value: number | undefined, unit: string | undefined, defaultUnit = "µm"): number | undefined {
  const factor = lengthFactorToMicrons(unit ?? defaultUnit);
  return factor === undefined ? undefined : positiveOrUndefined(value === undefined ? undefined : value * factor);
}

/** `value` in `unit` (default seconds) as seconds; undefined when unknown or not positive. */
export function toSeconds(value: number | undefined, unit: string | undefined, defaultUnit = "s"): number | undefined {
  const factor = timeFactorToSeconds(unit ?? defaultUnit);
  return factor === undefined ? undefined : positiveOrUndefined(value === undefined ? undefined : value * factor);
}
