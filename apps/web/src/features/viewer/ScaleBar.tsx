/** A scale bar in physical units (µm for most microscopy), shown when the image is calibrated. */
import { scaleBarFor } from "./scale-bar.ts";

export function ScaleBar({ physicalSizeX, unit, resolution }: { physicalSizeX: number | null; unit: string; resolution: number | undefined }) {
  if (physicalSizeX === null || resolution === undefined) return null;
  const spec = scaleBarFor(physicalSizeX, resolution, unit);
  if (!spec) return null;
  return (
    <div className="scale-bar" role="img" aria-label={`Scale bar: ${spec.label}`}>
      <span className="scale-bar-label">{spec.label}</span>
      <span className="scale-bar-line" style={{ width: `${Math.round(spec.widthPx)}px` }} />
    </div>
  );
}
