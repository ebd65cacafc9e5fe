/** The generated form: one widget per parameter type, grouping, bool-enabled children, conversion to inputs. */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { ParamDecl } from "@fovea/model";
import { EVERY_TYPE, fieldOf, renderForm } from "./form-test-kit.tsx";

afterEach(cleanup);

const run = async () => {
  await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Run" })); });
};
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("script form: widgets", () => {
  it("renders one widget per type with its default, required mark and constraints", () => {
    renderForm();
    const dataType = screen.getByLabelText("Data_Type") as HTMLSelectElement;
    expect(dataType.tagName).toBe("SELECT");
    expect([...dataType.options].map((o) => o.textContent)).toEqual(["Dataset", "Image"]);
    expect(dataType.selectedOptions[0]?.textContent).toBe("Image");

    const ids = screen.getByLabelText("IDs") as HTMLInputElement;
    expect(ids.type).toBe("text");
    expect(ids.getAttribute("aria-required")).toBe("true");

    const count = screen.getByLabelText("Count") as HTMLInputElement;
    expect([count.type, count.step, count.min, count.max, count.value]).toEqual(["number", "1", "1", "10", "3"]);
    expect(count.getAttribute("aria-required")).toBe("true");
    const big = screen.getByLabelText("Big") as HTMLInputElement;
    expect([big.type, big.step, big.value]).toEqual(["number", "1", ""]);
    expect(big.hasAttribute("aria-required")).toBe(false);
    const ratio = screen.getByLabelText("Ratio") as HTMLInputElement;
    expect([ratio.type, ratio.step, ratio.min, ratio.max, ratio.value]).toEqual(["number", "any", "0", "1", "0.5"]);

    const advanced = screen.getByLabelText("Advanced") as HTMLInputElement;
    expect([advanced.type, advanced.checked]).toEqual(["checkbox", false]);
    expect(screen.getByRole("group", { name: "Tags" })).toBeTruthy();
    expect(screen.getByRole("group", { name: "Meta" })).toBeTruthy();
    expect((screen.getByLabelText("Colour") as HTMLInputElement).value).toBe("#FF0000");
    expect((within(fieldOf("Colour")).getByLabelText("Pick a colour") as HTMLInputElement).type).toBe("color");
    expect((screen.getByLabelText("Target") as HTMLInputElement).placeholder).toBe("Image:ID");
    expect(within(fieldOf("Target")).getByText("A reference: Image:ID or Dataset:ID")).toBeTruthy();
    expect(screen.getByLabelText("Input_File").tagName).toBe("SELECT");
    expect(within(fieldOf("Input_File")).getByLabelText("Upload a new file")).toBeTruthy();
  });

  it("labels fields with spaces, marks required ones with * and describes them with their help", () => {
    renderForm();
    expect(fieldOf("Data_Type").querySelector(".param-label")?.textContent).toBe("Data Type *");
    expect(fieldOf("Big").querySelector(".param-label")?.textContent).toBe("Big");
    expect(fieldOf("Tags").querySelector(".param-label")?.textContent).toBe("Tags");
    // A checkbox always has a value: it is never marked required.
    expect(fieldOf("Advanced").querySelector(".param-label")?.textContent).toBe("Advanced");
    const label = screen.getByLabelText("Label");
    const help = document.getElementById(label.getAttribute("aria-describedby")!.split(" ")[0]!);
    expect(help?.textContent).toBe("A label for the output.");
  });

  it("orders parameters by grouping numerically, ungrouped last, and nests children", () => {
    const params: ParamDecl[] = [
      { name: "Last", type: "string", optional: true },
      { name: "Ten", type: "string", optional: true, grouping: "10" },
      { name: "Two_Two", type: "string", optional: true, grouping: "2.2" },
      { name: "Two", type: "string", optional: true, grouping: "2" },
      { name: "Two_Ten", type: "string", optional: true, grouping: "2.10" },
      { name: "One", type: "string", optional: true, grouping: "1" },
      { name: "Two_One", type: "string", optional: true, grouping: "2.1" },
    ];
    renderForm(params);
    const order = [...document.querySelectorAll("[data-param]")].map((el) => el.getAttribute("data-param"));
    expect(order).toEqual(["One", "Two", "Two_One", "Two_Two", "Two_Ten", "Ten", "Last"]);
    // Children of a non-bool are indented but enabled.
    expect(fieldOf("Two_One").parentElement?.className).toContain("param-children");
    expect((screen.getByLabelText("Two_One") as HTMLInputElement).disabled).toBe(false);
  });

  it("enables a bool's children only while it is ticked, and requires them only then", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: { IDs: [1], Label: "x" } });
    const threshold = screen.getByLabelText("Threshold") as HTMLInputElement;
    expect(threshold.disabled).toBe(true);
    expect(threshold.hasAttribute("aria-required")).toBe(false);
    expect(fieldOf("Threshold").querySelector(".required-mark")).toBeNull();
    await run();
    expect(launches).toHaveLength(1);
    expect(launches[0]).not.toHaveProperty("Threshold");

    fireEvent.click(screen.getByLabelText("Advanced"));
    expect(threshold.disabled).toBe(false);
    expect(threshold.getAttribute("aria-required")).toBe("true");
    await run();
    expect(launches).toHaveLength(1);
    expect(within(fieldOf("Threshold")).getByText("Threshold is required")).toBeTruthy();
  });
});

describe("script form: inputs", () => {
  it("converts every widget to the value the API expects", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: { Input_File: { type: "FileAnnotation", id: 9 } } });
    fireEvent.change(screen.getByLabelText("Data_Type"), { target: { value: "0" } });
    type("IDs", "1, 2,3");
    type("Label", "hello");
    type("Count", "7");
    type("Big", "123456789012");
    type("Ratio", "0.25");
    fireEvent.click(screen.getByLabelText("Advanced"));
    type("Threshold", "5");
    type("Scores", "0 4");
    const tags = screen.getByRole("group", { name: "Tags" });
    fireEvent.click(within(tags).getByRole("button", { name: "+ Add item" }));
    fireEvent.click(within(tags).getByRole("button", { name: "+ Add item" }));
    fireEvent.change(within(tags).getByLabelText("Item 1"), { target: { value: "a" } });
    fireEvent.change(within(tags).getByLabelText("Item 2"), { target: { value: "b" } });
    const meta = screen.getByRole("group", { name: "Meta" });
    fireEvent.click(within(meta).getByRole("button", { name: "+ Add entry" }));
    fireEvent.change(within(meta).getByLabelText("Key 1"), { target: { value: "k" } });
    fireEvent.change(within(meta).getByLabelText("Value 1"), { target: { value: "v" } });
    fireEvent.change(within(fieldOf("Colour")).getByLabelText("Pick a colour"), { target: { value: "#00ff00" } });
    type("Target", "Image:4");
    await run();
    expect(launches).toEqual([{
      Data_Type: "Dataset", IDs: [1, 2, 3], Label: "hello", Count: 7, Big: 123456789012, Ratio: 0.25, Advanced: true, Threshold: 5,
      Scores: [0, 4], Tags: ["a", "b"], Meta: { k: "v" }, Colour: "#00FF00", Target: "Image:4", Input_File: "FileAnnotation:9",
    }]);
  });

  it("removes list rows and leaves empty optional fields out", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: { IDs: [3], Label: "x", Tags: ["a", "b", "c"] } });
    const tags = screen.getByRole("group", { name: "Tags" });
    fireEvent.click(within(tags).getByRole("button", { name: "Remove item 2" }));
    expect(within(tags).getAllByRole("textbox").map((el) => (el as HTMLInputElement).value)).toEqual(["a", "c"]);
    await run();
    expect(launches).toEqual([{ Data_Type: "Image", IDs: [3], Label: "x", Count: 3, Ratio: 0.5, Advanced: false, Tags: ["a", "c"], Colour: "#FF0000" }]);
  });
});
