/** One channel: on/off (labelled by its name), colour, "only this one", and its window. */
import type { CSSProperties } from "react";
import type { ChannelDto, PixelType } from "@fovea/model";
import { channelBounds } from "./channel-bounds.ts";
import { NumberField } from "./NumberField.tsx";
import type { ChannelSetting, RenderSettingsAction } from "./render-settings.ts";

export interface ChannelRowProps {
  index: number;
  channel: ChannelDto;
  setting: ChannelSetting;
  pixelType: PixelType;
  /** Hides "Only" when there is nothing else to switch off. */
  single: boolean;
  dispatch: (action: RenderSettingsAction) => void;
}

export function ChannelRow({ index, channel, setting, pixelType, single, dispatch }: ChannelRowProps) {
  const name = channel.name || `Channel ${index + 1}`;
  const bounds = channelBounds(channel, pixelType);
  const color = `#${setting.color}`;
  const span = bounds.max - bounds.min;
  // The window drawn on the track: black up to the start, ramping to the channel's colour at the end.
  const from = ((setting.start - bounds.min) / span) * 100;
  const to = ((setting.end - bounds.min) / span) * 100;
  const track = { "--channel-color": color, "--window-from": `${from}%`, "--window-to": `${to}%` } as CSSProperties;
  return (
    <li className={setting.active ? "channel-row" : "channel-row is-off"}>
      <div className="channel-head">
        <label className="channel-toggle">
          <input type="checkbox" checked={setting.active} onChange={(e) => dispatch({ kind: "toggle", index, active: e.target.checked })} />
          <span className="channel-name">{name}</span>
        </label>
        {channel.emissionWavelength !== null && <span className="channel-wavelength muted" title="Emission wavelength">{channel.emissionWavelength} nm</span>}
        <input type="color" className="channel-color" aria-label={`${name} colour`} value={color.toLowerCase()}
          onChange={(e) => dispatch({ kind: "color", index, color: e.target.value })} />
        {!single && (
          <button type="button" className="channel-solo" aria-label={`Show only ${name}`} title={`Show only ${name}`}
            onClick={() => dispatch({ kind: "solo", index })}>Only</button>
        )}
      </div>
      <div className="channel-window" style={track}>
        <WindowEnd label={`${name} window start`} short="Start" value={setting.start} bounds={bounds}
          onChange={(start) => dispatch({ kind: "window", index, start })} />
        <WindowEnd label={`${name} window end`} short="End" value={setting.end} bounds={bounds}
          onChange={(end) => dispatch({ kind: "window", index, end })} />
      </div>
    </li>
  );
}

interface WindowEndProps {
  label: string;
  short: string;
  value: number;
  bounds: { min: number; max: number; step: number };
  onChange: (value: number) => void;
}

function WindowEnd({ label, short, value, bounds, onChange }: WindowEndProps) {
  return (
    <div className="window-end">
      <span className="window-label" aria-hidden="true">{short}</span>
      <input type="range" className="window-slider" aria-label={label} min={bounds.min} max={bounds.max} step={bounds.step}
        value={value} onChange={(e) => onChange(Number(e.target.value))} />
      <NumberField className="window-number" label={`${label} value`} value={value} min={bounds.min} max={bounds.max}
        step={bounds.step} onCommit={onChange} />
    </div>
  );
}
