/** The user's jobs, live (owned by the activities feature). */
export function ActivitiesPanel() {
  return <aside className="activities-panel" aria-label="Activities"><h2>Activities</h2></aside>;
}
