/**
 * The Z and T sliders (1-based on screen, "Z 3 / 9", as OMERO shows them), each only when the
 * image has more than one plane along it, and a play button that loops through T.
 */
import { useEffect, useId, useState } from "react";
import type { ImageDto } from "@fovea/model";
import type { RenderSettingsAction } from "./render-settings.ts";

/** 5 frames a second: quick enough to see movement, slow enough for tiles to arrive. */
const PLAY_INTERVAL_MS = 200;

export interface PlaneSlidersProps {
  image: ImageDto;
  z: number;
  t: number;
  dispatch: (action: RenderSettingsAction) => void;
}

export function PlaneSliders({ image, z, t, dispatch }: PlaneSlidersProps) {
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => dispatch({ kind: "step", axis: "t", delta: 1, wrap: true }), PLAY_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [playing, dispatch]);
  if (image.sizeZ <= 1 && image.sizeT <= 1) return null;
  return (
    <div className="plane-sliders">
      {image.sizeZ > 1 && (
        <PlaneSlider axis="Z" index={z} size={image.sizeZ} hint="Z section (Shift+↑ / Shift+↓)" onChange={(v) => dispatch({ kind: "plane", z: v })} />
      )}
      {image.sizeT > 1 && (
        <div className="plane-t">
          <button type="button" className="play-button" aria-pressed={playing} onClick={() => setPlaying((p) => !p)}
            aria-label={playing ? "Pause" : "Play time points"} title={playing ? "Pause" : "Play through the time points"}>
            {playing ? "❚❚" : "▶"}
          </button>
          <PlaneSlider axis="T" index={t} size={image.sizeT} hint="Time point (Shift+→ / Shift+←)" onChange={(v) => dispatch({ kind: "plane", t: v })} />
          {image.timeIncrement !== null && <span className="plane-time muted">{formatSeconds(t * image.timeIncrement)}</span>}
        </div>
      )}
    </div>
  );
}

interface PlaneSliderProps {
  axis: "Z" | "T";
  index: number;
  size: number;
  hint: string;
  onChange: (index: number) => void;
}

function PlaneSlider({ axis, index, size, hint, onChange }: PlaneSliderProps) {
  const id = useId();
  const text = `${axis} ${index + 1} / ${size}`;
  return (
    <div className="plane-slider" title={hint}>
      <input id={id} type="range" aria-label={axis} min={1} max={size} step={1} value={index + 1} aria-valuetext={text}
        onChange={(e) => onChange(Number(e.target.value) - 1)} />
      <output htmlFor={id} className="plane-value">{text}</output>
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${(seconds - m * 60).toFixed(0).padStart(2, "0")} s`;
}
