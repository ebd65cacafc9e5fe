/**
 * Hash routes, so the server needs to serve only `/` and the assets, and a reload or a shared
 * link opens the same place: `#/data`, `#/data/project/1`, `#/data/dataset/3`, `#/data/orphans`,
 * `#/viewer/12`, `#/admin/users|groups|scripts`.
 */
import { useSyncExternalStore } from "react";

export type Route =
  | { page: "data"; container?: { type: "project" | "dataset"; id: number } | "orphans" }
  | { page: "viewer"; imageId: number }
  | { page: "admin"; tab: "users" | "groups" | "scripts" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean);
  const id = (s: string | undefined) => (s && /^[1-9][0-9]*$/.test(s) ? Number(s) : undefined);
  if (parts[0] === "viewer") {
    const imageId = id(parts[1]);
    if (imageId !== undefined) return { page: "viewer", imageId };
  }
  if (parts[0] === "admin") {
    const tab = parts[1] === "groups" || parts[1] === "scripts" ? parts[1] : "users";
    return { page: "admin", tab };
  }
  if (parts[0] === "data") {
    if (parts[1] === "orphans") return { page: "data", container: "orphans" };
    const n = id(parts[2]);
    if ((parts[1] === "project" || parts[1] === "dataset") && n !== undefined) return { page: "data", container: { type: parts[1], id: n } };
  }
  return { page: "data" };
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case "viewer":
      return `#/viewer/${route.imageId}`;
    case "admin":
      return `#/admin/${route.tab}`;
    case "data":
      if (route.container === undefined) return "#/data";
      if (route.container === "orphans") return "#/data/orphans";
      return `#/data/${route.container.type}/${route.container.id}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener("hashchange", listener);
  return () => window.removeEventListener("hashchange", listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => "");
  return parseRoute(hash);
}
