/** Whether the Activities panel is shown (toggled by its header button, opened on launch). */
import { createStore } from "../../state/store.ts";

export const activitiesOpenStore = createStore(false);

export function openActivities(): void {
  activitiesOpenStore.set(true);
}

export function toggleActivities(): void {
  activitiesOpenStore.set((open) => !open);
}
