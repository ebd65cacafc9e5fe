/** Rendering of the admin building blocks that need no server: refusals, paging, field errors. */
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FoveaError } from "@fovea/model";
import { Pager } from "./Pager.tsx";
import { TextField } from "./FormField.tsx";
import { ScriptRefusal } from "./scripts/ScriptRefusal.tsx";

afterEach(cleanup);

describe("ScriptRefusal", () => {
  it("shows a SCRIPT_INVALID message verbatim in a pre block", () => {
    const message = "Bad.ts does not compile:\n    Bad.ts:4:23:\n      4 │   params: { X: p.long( },";
    render(<ScriptRefusal error={new FoveaError("SCRIPT_INVALID", message)} fileName="Bad.ts" />);
    const pre = screen.getByLabelText("The script's error");
    expect(pre.tagName).toBe("PRE");
    expect(pre.textContent).toBe(message);
    expect(screen.getByRole("alert").textContent).toContain("Bad.ts was refused:");
  });

  it("shows any other refusal as an error banner with its code", () => {
    render(<ScriptRefusal error={new FoveaError("PRIVILEGE_REQUIRED", "needs UploadScripts")} fileName="A.ts" />);
    expect(screen.queryByLabelText("The script's error")).toBeNull();
    expect(screen.getByRole("alert").textContent).toContain("needs UploadScripts (PRIVILEGE_REQUIRED)");
  });
});

describe("Pager", () => {
  it("says how many rows there are when all fit on one page", () => {
    render(<Pager label="Users" offset={0} limit={50} shown={3} total={3} onOffset={() => {}} />);
    expect(screen.getByText("3 rows")).toBeTruthy();
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it("moves by one page and stops at the ends", () => {
    const moves: number[] = [];
    render(<Pager label="Users" offset={50} limit={50} shown={20} total={70} onOffset={(o) => moves.push(o)} />);
    const nav = screen.getByRole("navigation", { name: "Users pages" });
    expect(nav.textContent).toContain("51–70 of 70");
    expect((screen.getByRole("button", { name: "Next" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Previous" }));
    expect(moves).toEqual([0]);
  });
});

describe("TextField", () => {
  it("ties its error to the input and shows it instead of the hint", () => {
    render(<TextField label="Password" value="" onChange={() => {}} hint="At least 8 characters" error="must be at least 8 characters" />);
    const input = screen.getByLabelText("Password");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toBe("must be at least 8 characters");
    expect(screen.queryByText("At least 8 characters")).toBeNull();
  });
});
