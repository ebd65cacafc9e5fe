/**
 * Inline errors: unreadable text, every code of the shared validator (MISSING, WRONG_TYPE,
 * OUT_OF_RANGE, NOT_ALLOWED), list elements, the summary, and the server's `details` next to
 * the field they name. Run must never reach `launch` while an issue stands.
 */
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FoveaError } from "@fovea/model";
import { EVERY_TYPE, fieldOf, renderForm } from "./form-test-kit.tsx";

afterEach(cleanup);

const run = async () => {
  await act(async () => { fireEvent.click(screen.getByRole("button", { name: "Run" })); });
};
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const errorsOf = (name: string) => [...fieldOf(name).querySelectorAll(".param-errors li")].map((li) => li.textContent);
const VALID = { IDs: [1], Label: "x" };

describe("script form: inline errors", () => {
  it("shows MISSING for required fields after Run, and sends nothing", async () => {
    const { launches } = renderForm();
    // Nothing is shown before the user has touched a field or pressed Run.
    expect(document.querySelectorAll(".param-errors")).toHaveLength(0);
    await run();
    expect(launches).toEqual([]);
    expect(errorsOf("IDs")).toEqual(["IDs is required"]);
    expect(errorsOf("Label")).toEqual(["Label is required"]);
    expect(screen.getByLabelText("IDs").getAttribute("aria-invalid")).toBe("true");
    const summary = screen.getByRole("alert", { name: "Problems to fix" });
    expect(summary.textContent).toContain("2 problems to fix");
    expect(document.activeElement).toBe(summary);
    fireEvent.click(within(summary).getByRole("button", { name: "Label is required" }));
    expect(document.activeElement).toBe(screen.getByLabelText("Label"));
  });

  it("refuses a required field that was emptied, even when it has a default", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: VALID });
    type("Count", "");
    expect(errorsOf("Count")).toEqual(["Count is required"]);
    await run();
    expect(launches).toEqual([]);
  });

  it("refuses unreadable numbers before the validator runs (WRONG_TYPE)", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: VALID });
    type("Count", "1.5");
    expect(errorsOf("Count")).toEqual(['Count must be a whole number, not "1.5"']);
    type("IDs", "1, x, 3");
    expect(errorsOf("IDs")).toEqual(['IDs[1] must be a whole number, not "x"']);
    await run();
    expect(launches).toEqual([]);
    expect(screen.getByLabelText("Count").getAttribute("aria-invalid")).toBe("true");
  });

  it("shows the shared validator's WRONG_TYPE, OUT_OF_RANGE and NOT_ALLOWED next to their fields", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: VALID });
    type("Count", "11");
    type("Ratio", "1.5");
    type("Colour", "red");
    type("Target", "Roi:3");
    expect(errorsOf("Count")).toEqual(["Count must be ≤ 10, not 11"]);
    expect(errorsOf("Ratio")).toEqual(["Ratio must be ≤ 1, not 1.5"]);
    expect(errorsOf("Colour")).toEqual(['Colour must be a colour #RRGGBB, not string "red"']);
    expect(errorsOf("Target")).toEqual(["Target must be Image:ID or Dataset:ID, not Roi:3"]);
    type("Target", "nonsense");
    expect(errorsOf("Target")).toEqual(['Target must be an object reference Type:ID, not string "nonsense"']);
    type("Count", "0");
    expect(errorsOf("Count")).toEqual(["Count must be ≥ 1, not 0"]);
    await run();
    expect(launches).toEqual([]);
    expect(screen.getByRole("alert", { name: "Problems to fix" }).textContent).toContain("4 problems");
  });

  it("names the offending list element and marks its row", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: { ...VALID, Tags: ["a", ""] } });
    type("Scores", "2, -1");
    expect(errorsOf("Scores")).toEqual(["Scores[1] must be ≥ 0, not -1"]);
    await run();
    expect(launches).toEqual([]);
    expect(errorsOf("Tags")).toEqual(["Tags[1] is empty: fill it in or remove the row"]);
    const tags = screen.getByRole("group", { name: "Tags" });
    expect(within(tags).getByLabelText("Item 1").hasAttribute("aria-invalid")).toBe(false);
    expect(within(tags).getByLabelText("Item 2").getAttribute("aria-invalid")).toBe("true");
  });

  it("clears an error once the value is fixed, and then runs", async () => {
    const { launches } = renderForm(EVERY_TYPE, { inputs: VALID });
    type("Count", "99");
    expect(errorsOf("Count")).toHaveLength(1);
    type("Count", "9");
    expect(errorsOf("Count")).toEqual([]);
    expect(screen.getByLabelText("Count").hasAttribute("aria-invalid")).toBe(false);
    await run();
    expect(launches).toHaveLength(1);
    expect(launches[0]).toMatchObject({ Count: 9 });
  });
});

describe("script form: the server's refusal", () => {
  it("shows each PARAM_INVALID detail next to the field it names, until that field changes", async () => {
    const refusal = new FoveaError("PARAM_INVALID", "Invalid inputs", {
      details: [
        { param: "IDs[1]", code: "NOT_VISIBLE", message: "IDs[1]: Image:99 does not exist or is not visible to you" },
        { param: "Target", code: "NOT_VISIBLE", message: "Target: Dataset:7 does not exist or is not visible to you" },
      ],
    });
    const { launches } = renderForm(EVERY_TYPE, { inputs: { ...VALID, IDs: [1, 99], Target: "Dataset:7" }, launch: () => Promise.reject(refusal) });
    await run();
    expect(launches).toHaveLength(1);
    expect(errorsOf("IDs")).toEqual(["IDs[1]: Image:99 does not exist or is not visible to you"]);
    expect(errorsOf("Target")).toEqual(["Target: Dataset:7 does not exist or is not visible to you"]);
    expect(screen.getByLabelText("IDs").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByRole("alert", { name: "Problems to fix" }).textContent).toContain("2 problems");
    type("IDs", "1");
    expect(errorsOf("IDs")).toEqual([]);
    expect(errorsOf("Target")).toHaveLength(1);
  });

  it("shows a refusal that names no parameter as a banner", async () => {
    renderForm(EVERY_TYPE, { inputs: VALID, launch: () => Promise.reject(new FoveaError("USER_SCRIPTS_DISABLED")) });
    await run();
    const banner = screen.getByRole("alert");
    expect(banner.textContent).toContain("User scripts are off on this server");
    expect(banner.textContent).toContain("USER_SCRIPTS_DISABLED");
  });
});
