import { describe, expect, it } from "vitest";
import { parseRoute, routeHref, type Route } from "./route.ts";

describe("parseRoute", () => {
  it("reads every page", () => {
    expect(parseRoute("")).toEqual({ page: "catalog" });
    expect(parseRoute("#/")).toEqual({ page: "catalog" });
    expect(parseRoute("#/session/abc123")).toEqual({ page: "session", id: "abc123" });
    expect(parseRoute("#/session/abc123/report")).toEqual({ page: "report", id: "abc123" });
    expect(parseRoute("#/watch")).toEqual({ page: "watch", term: "term1" });
    expect(parseRoute("#/my")).toEqual({ page: "my" });
    expect(parseRoute("#/link/abcd-efgh-jkmn")).toEqual({ page: "link", code: "abcd-efgh-jkmn" });
    expect(parseRoute("#/watch/abc/term2?token=t%2Bk")).toEqual({
      page: "watch",
      id: "abc",
      term: "term2",
      token: "t+k",
    });
  });

  it("sends anything it does not know to the catalog", () => {
    for (const bad of [
      "#/session",
      "#/session/a b",
      "#/session/x/y/z",
      "#/nope",
      "#/session/x/delete",
      "#/link",
      "#/link/a b",
      "#/my/x",
    ])
      expect(parseRoute(bad)).toEqual({ page: "catalog" });
    expect(parseRoute("#/watch/x/BAD NAME")).toEqual({ page: "watch", id: "x", term: "term1" });
  });

  it("round-trips through routeHref", () => {
    const routes: Route[] = [
      { page: "catalog" },
      { page: "my" },
      { page: "link", code: "abcd-efgh-jkmn" },
      { page: "session", id: "s1" },
      { page: "report", id: "s1" },
      { page: "watch", term: "term1" },
      { page: "watch", id: "s1", term: "build", token: "a&b=c" },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });
});

describe("class routes", () => {
  it("parses and makes the class pages' addresses", () => {
    expect(parseRoute("#/classes/new")).toEqual({ page: "class-new" });
    expect(parseRoute("#/classes/abc123")).toEqual({ page: "dashboard", id: "abc123" });
    expect(parseRoute("#/join/ABCD-EFGH")).toEqual({ page: "join", code: "ABCD-EFGH" });
    expect(parseRoute("#/join")).toEqual({ page: "join" });
    expect(parseRoute("#/class")).toEqual({ page: "class" });
    expect(parseRoute("#/classes/a/b")).toEqual({ page: "catalog" });
    for (const r of [
      { page: "dashboard", id: "x1" },
      { page: "join", code: "AB-CD" },
      { page: "class" },
    ] as const)
      expect(parseRoute(routeHref(r))).toEqual(r);
  });
});
