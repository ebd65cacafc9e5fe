/** The channel list: each channel's on/off, colour and window, and "all on" / "reset" quick actions. */
import type { ImageDto } from "@fovea/model";
import { ChannelRow } from "./ChannelRow.tsx";
import type { RenderSettings, RenderSettingsAction } from "./render-settings.ts";

export interface ChannelPanelProps {
  image: ImageDto;
  settings: RenderSettings;
  dispatch: (action: RenderSettingsAction) => void;
  /** Back to the image's stored settings. */
  onReset: () => void;
}

export function ChannelPanel({ image, settings, dispatch, onReset }: ChannelPanelProps) {
  const allOn = settings.channels.every((ch) => ch.active);
  return (
    <section className="viewer-section channel-panel" aria-labelledby="viewer-channels-title">
      <div className="viewer-section-head">
        <h2 id="viewer-channels-title">Channels</h2>
        <div className="viewer-section-actions">
          {image.channels.length > 1 && (
            <button type="button" disabled={allOn} onClick={() => dispatch({ kind: "all-on" })}>All on</button>
          )}
          <button type="button" onClick={onReset} title="Back to the image's stored channel settings">Reset</button>
        </div>
      </div>
      <ul className="channel-list">
        {image.channels.map((channel, index) => {
          const setting = settings.channels[index];
          return setting && (
            <ChannelRow key={channel.index} index={index} channel={channel} setting={setting} pixelType={image.pixelType}
              single={image.channels.length === 1} dispatch={dispatch} />
          );
        })}
      </ul>
    </section>
  );
}
