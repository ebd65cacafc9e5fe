/**
 * Default channel colours when a file names none: from the emission wavelength when known (as
 * OMERO does: blue below 500 nm, green to 560 nm, red above), else a palette by index that keeps
 * a single channel grey and the first two green/magenta (readable by colour-blind users).
 */
const PALETTE = ["00FF00", "FF00FF", "00FFFF", "FF0000", "0000FF", "FFFF00"];

export function defaultChannelColor(index: number, sizeC: number, emissionWavelength?: number): string {
  if (emissionWavelength !== undefined && emissionWavelength > 0) {
    if (emissionWavelength < 500) return "0000FF";
    if (emissionWavelength < 560) return "00FF00";
    return "FF0000";
  }
  if (sizeC === 1) return "FFFFFF";
  return PALETTE[index % PALETTE.length]!;
}
