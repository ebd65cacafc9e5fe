/** An image's channels: colour, name, emission wavelength and display window. */
import type { ChannelDto } from "@fovea/model";
import { channelCssColor, formatWavelength, formatWindow } from "../metadata-format.ts";

export function ChannelsTable({ channels }: { channels: readonly ChannelDto[] }) {
  if (channels.length === 0) return <p className="muted panel-note">No channel metadata.</p>;
  return (
    <table className="channels-table" aria-label="Channels">
      <thead>
        <tr>
          <th scope="col"><span className="visually-hidden">Colour</span></th>
          <th scope="col">Name</th>
          <th scope="col">Emission</th>
          <th scope="col">Window</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <tr key={c.index}>
            <td><span className="channel-swatch" style={{ background: channelCssColor(c.color) }} title={`#${c.color}`} /></td>
            <td className="channel-name">{c.name || `Channel ${c.index + 1}`}</td>
            <td>{formatWavelength(c.emissionWavelength)}</td>
            <td>{formatWindow(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
