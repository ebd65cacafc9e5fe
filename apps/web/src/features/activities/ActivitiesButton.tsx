/** The header button that shows the Activities panel (owned by the activities feature). */
import { toggleActivities } from "./activities-panel-state.ts";

export function ActivitiesButton() {
  return <button type="button" onClick={toggleActivities}>Activities</button>;
}
