/**
 * The dataset the viewer was opened from, for the header's "back to dataset" link and its
 * Previous / Next. An image may sit in several datasets and the viewer's URL holds only the image,
 * so we remember the Data page's dataset route at the moment the user leaves it for the viewer
 * (and keep it while Previous / Next move between viewer routes). A viewer opened from a bookmark
 * or a reload does not know it, and asks the server for the image's datasets instead.
 */
import { parseRoute } from "../../app/router.ts";

let originDatasetId: number | undefined;

/** Follows one hash change: `from` and `to` are the old and new URLs' hashes. */
export function followNavigation(from: string, to: string): void {
  const before = parseRoute(from);
  const after = parseRoute(to);
  if (after.page !== "viewer") {
    originDatasetId = undefined;
    return;
  }
  if (before.page === "data") {
    const c = before.container;
    originDatasetId = c !== undefined && c !== "orphans" && c.type === "dataset" ? c.id : undefined;
  }
  // viewer → viewer (Previous / Next) keeps the dataset.
}

export function viewerOriginDataset(): number | undefined {
  return originDatasetId;
}

// Installed when the module loads (the app imports the viewer at start), before any navigation.
if (typeof window !== "undefined") {
  window.addEventListener("hashchange", (e) => followNavigation(new URL(e.oldURL).hash, new URL(e.newURL).hash));
}
