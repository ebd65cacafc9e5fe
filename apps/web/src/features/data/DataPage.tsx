/** The Data page (owned by the data feature). */
import type { Route } from "../../app/router.ts";

export function DataPage(_props: { route: Extract<Route, { page: "data" }> }) {
  return <section className="data-page"><h1>Data</h1></section>;
}
