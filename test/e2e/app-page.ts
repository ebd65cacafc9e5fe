/**
 * Page steps several browser tests share: opening a script's form from the Scripts menu, and
 * recording what the Activities cards show as they change.
 */
import type { Locator, Page } from "playwright-core";

/** Opens a script from the Scripts menu by a click on its item in its folder's group; returns the form's dialog. */
export async function openScript(page: Page, folder: string, title: string): Promise<Locator> {
  await page.getByRole("banner").getByRole("button", { name: "Scripts", exact: true }).click();
  await page.getByRole("menu", { name: "Scripts" }).getByRole("group", { name: new RegExp(folder) }).getByRole("menuitem", { name: title, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: title, exact: true });
  await dialog.getByRole("form", { name: `Parameters of ${title}` }).waitFor();
  return dialog;
}

/**
 * Records every (job, status, progress) the page's job cards show, so a test can tell a card was
 * live before its job ended. Sent as text: these files are type-checked without the DOM library,
 * and tsx's helpers (`__name`) would not exist in the page.
 */
const RECORD_CARDS = `(() => {
  const seen = [];
  window.__jobCards = seen;
  const snap = () => {
    for (const el of document.querySelectorAll("article[data-job-id]")) {
      const bar = el.querySelector("[role=progressbar]");
      const line = el.dataset.jobId + " " + el.querySelector(".job-status")?.textContent + " " + (bar ? bar.getAttribute("aria-valuenow") : "-");
      if (!seen.includes(line)) seen.push(line);
    }
  };
  new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/** Starts recording; each line of `seenJobCards` is `<jobId> <status> <progress or ->`. */
export async function recordJobCards(page: Page): Promise<void> {
  await page.evaluate(RECORD_CARDS);
}

export function seenJobCards(page: Page): Promise<string[]> {
  return page.evaluate<string[]>("window.__jobCards");
}
