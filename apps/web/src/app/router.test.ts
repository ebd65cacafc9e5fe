import { describe, expect, it } from "vitest";
import { formatRoute, parseRoute, type Route } from "./router.ts";

describe("hash routes", () => {
  it("round-trips every kind of route", () => {
    const routes: Route[] = [
      { page: "data" }, { page: "data", container: "orphans" }, { page: "data", container: { type: "project", id: 3 } },
      { page: "data", container: { type: "dataset", id: 12 } }, { page: "viewer", imageId: 7 },
      { page: "admin", tab: "users" }, { page: "admin", tab: "groups" }, { page: "admin", tab: "scripts" },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it("falls back to the data page on anything it does not know", () => {
    for (const hash of ["", "#", "#/nowhere", "#/viewer/abc", "#/viewer/0", "#/viewer/-1", "#/data/dataset/1.5", "#/data/folder/2"]) {
      expect(parseRoute(hash)).toEqual({ page: "data" });
    }
    expect(parseRoute("#/admin/nonsense")).toEqual({ page: "admin", tab: "users" });
  });
});
