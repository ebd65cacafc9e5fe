/** Whether the Activities panel is shown (toggled by its header button, opened on launch). */
import { createStore } from "../../state/store.ts";

export const activitiesOpenStore = createStore(false);

/** The DOM ids that tie the header button to the panel (aria-controls, focus on close). */
export const ACTIVITIES_BUTTON_ID = "activities-button";
export const ACTIVITIES_PANEL_ID = "activities-panel";

export function openActivities(): void {
  activitiesOpenStore.set(true);
}

export function closeActivities(): void {
  activitiesOpenStore.set(false);
}

export function toggleActivities(): void {
  activitiesOpenStore.set((open) => !open);
}
