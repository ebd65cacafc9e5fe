/** Administration (owned by the admin feature). */
export function AdminPage({ tab }: { tab: "users" | "groups" | "scripts" }) {
  return <section className="admin-page"><h1>Admin: {tab}</h1></section>;
}
