/** Pre-fill (SPEC §4): Data_Type + IDs from the selection when the script takes its type; run-again inputs override all. */
import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ParamDecl } from "@fovea/model";
import { EVERY_TYPE, renderForm } from "./form-test-kit.tsx";

afterEach(cleanup);

const IMAGES_ONLY: ParamDecl[] = [
  { name: "Data_Type", type: "string", values: ["Image"], default: "Image", grouping: "1" },
  { name: "IDs", type: "list", element: "long", grouping: "2" },
];
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement | HTMLSelectElement).value;
const selected = (label: string) => (screen.getByLabelText(label) as HTMLSelectElement).selectedOptions[0]?.textContent;

describe("script form: pre-fill", () => {
  it("fills Data_Type and IDs from the selection and says so", async () => {
    const { launches } = renderForm(EVERY_TYPE, { selection: { type: "Dataset", ids: [4, 5] } });
    expect(selected("Data_Type")).toBe("Dataset");
    expect(value("IDs")).toBe("4, 5");
    expect(screen.getByText("Data_Type and IDs are filled in from your selection (2 Datasets).")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Label"), { target: { value: "x" } });
    await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Run" })); });
    expect(launches[0]).toMatchObject({ Data_Type: "Dataset", IDs: [4, 5] });
  });

  it("leaves the defaults and explains when the script does not take the selection's type", () => {
    renderForm(IMAGES_ONLY, { selection: { type: "Dataset", ids: [3] } });
    expect(selected("Data_Type")).toBe("Image");
    expect(value("IDs")).toBe("");
    expect(screen.getByText("Your selection (1 Dataset) was not filled in: this script takes Image.")).toBeTruthy();
  });

  it("starts from an earlier job's inputs (run again), over the selection and the defaults", () => {
    renderForm(EVERY_TYPE, {
      selection: { type: "Dataset", ids: [4] },
      inputs: { Data_Type: "Image", IDs: [7, 8], Count: 9, Advanced: true, Threshold: 2, Meta: { a: "b" }, Target: { type: "Dataset", id: 3 }, Colour: "#00AA11" },
    });
    expect(selected("Data_Type")).toBe("Image");
    expect(value("IDs")).toBe("7, 8");
    expect(value("Count")).toBe("9");
    expect((screen.getByLabelText("Advanced") as HTMLInputElement).checked).toBe(true);
    expect(value("Threshold")).toBe("2");
    expect(value("Key 1")).toBe("a");
    expect(value("Value 1")).toBe("b");
    expect(value("Target")).toBe("Dataset:3");
    expect(value("Colour")).toBe("#00AA11");
    expect(screen.queryByText(/from your selection/)).toBeNull();
  });
});
