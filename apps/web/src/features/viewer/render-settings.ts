/**
 * What the viewer shows: per-channel on/off, colour and window, and the plane (Z, T). An
 * immutable plain object changed only through `renderSettingsReducer`, so React sees a new
 * object on every change and the tile source can key its tiles by `settingsKey()`.
 */
import type { ImageDto } from "@fovea/model";
import { channelBounds } from "./channel-bounds.ts";

export interface ChannelSetting {
  active: boolean;
  /** RRGGBB, upper case, as the render API takes it. */
  color: string;
  start: number;
  end: number;
}

export interface RenderSettings {
  channels: readonly ChannelSetting[];
  /** The plane on show, 0-based. */
  z: number;
  t: number;
}

export type RenderSettingsAction =
  | { kind: "toggle"; index: number; active: boolean }
  | { kind: "solo"; index: number }
  | { kind: "all-on" }
  | { kind: "color"; index: number; color: string }
  | { kind: "window"; index: number; start?: number; end?: number }
  | { kind: "plane"; z?: number; t?: number }
  /** Moves Z or T by `delta`; `wrap` goes from the last plane back to the first (movie playback). */
  | { kind: "step"; axis: "z" | "t"; delta: number; wrap?: boolean }
  | { kind: "reset-channels"; channels: readonly ChannelSetting[] };

/** The image's stored settings, every channel on, at the middle Z (as OMERO opens images) and the first T. */
export function initialRenderSettings(image: ImageDto): RenderSettings {
  const channels = image.channels.map((ch) => {
    const bounds = channelBounds(ch, image.pixelType);
    return {
      active: true,
      color: normalizeColor(ch.color),
      start: ch.windowStart ?? bounds.min,
      end: ch.windowEnd ?? bounds.max,
    };
  });
  return { channels, z: Math.floor((image.sizeZ - 1) / 2), t: 0 };
}

/** Applies one change; `image` bounds the plane indices. */
export function renderSettingsReducer(image: Pick<ImageDto, "sizeZ" | "sizeT">) {
  return (state: RenderSettings, action: RenderSettingsAction): RenderSettings => {
    switch (action.kind) {
      case "toggle":
        return withChannel(state, action.index, (ch) => ({ ...ch, active: action.active }));
      case "solo":
        return { ...state, channels: state.channels.map((ch, i) => ({ ...ch, active: i === action.index })) };
      case "all-on":
        return { ...state, channels: state.channels.map((ch) => ({ ...ch, active: true })) };
      case "color":
        return withChannel(state, action.index, (ch) => ({ ...ch, color: normalizeColor(action.color) }));
      case "window":
        // The moved end pushes the other one along rather than inverting the window.
        return withChannel(state, action.index, (ch) => {
          const start = action.start ?? Math.min(ch.start, action.end ?? ch.start);
          const end = action.end ?? Math.max(ch.end, start);
          return { ...ch, start: Math.min(start, end), end };
        });
      case "step": {
        const size = action.axis === "z" ? image.sizeZ : image.sizeT;
        const next = state[action.axis] + action.delta;
        const index = action.wrap ? ((next % size) + size) % size : clampIndex(next, size);
        return index === state[action.axis] ? state : { ...state, [action.axis]: index };
      }
      case "reset-channels":
        return { ...state, channels: action.channels };
      case "plane":
        return {
          ...state,
          z: clampIndex(action.z ?? state.z, image.sizeZ),
          t: clampIndex(action.t ?? state.t, image.sizeT),
        };
    }
  };
}

/**
 * OMERO's `c` parameter: `1|150:2600$0000FF,-2,…` (1-based; a minus sign turns a channel off).
 * Channels that are off carry no window or colour, so editing a hidden channel's window does not
 * change the tiles' key and reload them for nothing.
 */
export function channelParam(channels: readonly ChannelSetting[]): string {
  return channels
    .map((ch, i) => (ch.active ? `${i + 1}|${formatValue(ch.start)}:${formatValue(ch.end)}$${ch.color}` : `-${i + 1}`))
    .join(",");
}

/** Identifies what the tiles show: two settings with the same key render the same pixels. */
export function settingsKey(s: RenderSettings): string {
  return `z=${s.z}&t=${s.t}&c=${channelParam(s.channels)}`;
}

/** 0-based indices of the channels switched on. */
export function activeIndices(channels: readonly ChannelSetting[]): number[] {
  return channels.flatMap((ch, i) => (ch.active ? [i] : []));
}

function withChannel(state: RenderSettings, index: number, change: (ch: ChannelSetting) => ChannelSetting): RenderSettings {
  const current = state.channels[index];
  if (!current) return state;
  return { ...state, channels: state.channels.map((ch, i) => (i === index ? change(current) : ch)) };
}

function clampIndex(value: number, size: number): number {
  return Math.min(Math.max(0, Math.round(value)), Math.max(0, size - 1));
}

function normalizeColor(color: string): string {
  return color.replace(/^#/, "").toUpperCase();
}

/** Integers as they are; fractions (float images) without binary noise such as 0.30000000000000004. */
function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(7)));
}
