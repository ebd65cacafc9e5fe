import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useReducer } from "react";
import type { ImageDto } from "@fovea/model";
import { ChannelPanel } from "./ChannelPanel.tsx";
import { PlaneSliders } from "./PlaneSliders.tsx";
import { channelParam, initialRenderSettings, renderSettingsReducer } from "./render-settings.ts";

afterEach(cleanup);

const channel = (index: number, name: string, color: string) => ({
  index, name, color, emissionWavelength: null, windowStart: 150, windowEnd: 2000, min: 100, max: 3000,
});
const image = {
  id: 1, name: "cells", sizeX: 512, sizeY: 512, sizeZ: 9, sizeC: 3, sizeT: 1, pixelType: "uint16", timeIncrement: null,
  channels: [channel(0, "DAPI", "0000FF"), channel(1, "FITC", "00FF00"), channel(2, "CY5", "FF00FF")],
} as unknown as ImageDto;

/** The panels over the real reducer; the `c` parameter they produce is printed for the assertions. */
function Harness() {
  const [settings, dispatch] = useReducer(renderSettingsReducer(image), image, initialRenderSettings);
  return (
    <>
      <ChannelPanel image={image} settings={settings} dispatch={dispatch}
        onReset={() => dispatch({ kind: "reset-channels", channels: initialRenderSettings(image).channels })} />
      <PlaneSliders image={image} z={settings.z} t={settings.t} dispatch={dispatch} />
      <output data-testid="c">{channelParam(settings.channels)}</output>
      <output data-testid="z">{settings.z}</output>
    </>
  );
}

const c = () => screen.getByTestId("c").textContent;

describe("channel panel and plane sliders", () => {
  it("switch channels off and on, solo one, recolour it and move its window", () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole("checkbox", { name: "DAPI" }));
    expect(c()).toBe("-1,2|150:2000$00FF00,3|150:2000$FF00FF");
    fireEvent.click(screen.getByRole("button", { name: "Show only CY5" }));
    expect(c()).toBe("-1,-2,3|150:2000$FF00FF");
    expect((screen.getByRole("checkbox", { name: "FITC" }) as HTMLInputElement).checked).toBe(false);
    fireEvent.change(screen.getByLabelText("CY5 colour"), { target: { value: "#00ffff" } });
    fireEvent.change(screen.getByRole("slider", { name: "CY5 window end" }), { target: { value: "1200" } });
    expect(c()).toBe("-1,-2,3|150:1200$00FFFF");
    fireEvent.change(screen.getByRole("spinbutton", { name: "CY5 window start value" }), { target: { value: "400" } });
    expect(c()).toBe("-1,-2,3|400:1200$00FFFF");
    // Out of bounds: shown as invalid, not applied.
    const start = screen.getByRole("spinbutton", { name: "CY5 window start value" });
    fireEvent.change(start, { target: { value: "99999" } });
    expect(start.getAttribute("aria-invalid")).toBe("true");
    expect(c()).toBe("-1,-2,3|400:1200$00FFFF");
    fireEvent.click(screen.getByRole("button", { name: "All on" }));
    expect(c()).toBe("1|150:2000$0000FF,2|150:2000$00FF00,3|400:1200$00FFFF");
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    expect(c()).toBe("1|150:2000$0000FF,2|150:2000$00FF00,3|150:2000$FF00FF");
  });

  it("show Z 1-based and only the sliders the image needs", () => {
    render(<Harness />);
    const z = screen.getByRole("slider", { name: "Z" });
    expect(screen.getByText("Z 5 / 9")).toBeTruthy();
    fireEvent.change(z, { target: { value: "7" } });
    expect(screen.getByTestId("z").textContent).toBe("6");
    expect(z.getAttribute("aria-valuetext")).toBe("Z 7 / 9");
    expect(screen.queryByRole("slider", { name: "T" })).toBeNull();
  });
});
