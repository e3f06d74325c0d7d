import { describe, expect, it } from "vitest";
import { PreviewHosts } from "./preview-hosts.ts";

const key = Buffer.alloc(32, 7);
const hosts = (domain = "localhost", scheme?: "http" | "https", port?: number) =>
  new PreviewHosts({ domain, scheme, port }, key, () => ["s1", "s2"]);

describe("preview host names", () => {
  it("gives each session an unguessable id of its own, not its session id", () => {
    const h = hosts();
    expect(h.idOf("s1")).toMatch(/^[0-9a-f]{24}$/);
    expect(h.idOf("s1")).toBe(h.idOf("s1"));
    expect(h.idOf("s1")).not.toBe(h.idOf("s2"));
    expect(
      new PreviewHosts(
        { domain: "localhost", scheme: undefined, port: undefined },
        Buffer.alloc(32, 8),
        () => [],
      ).idOf("s1"),
    ).not.toBe(h.idOf("s1"));
    expect(h.label("s1", 8080)).toBe(`p8080-${h.idOf("s1")}`);
  });

  it("builds origins as the browser reached Slipway, unless the domain says how", () => {
    const id = hosts().idOf("s1");
    expect(hosts().origin("s1", 8080, "127.0.0.1:3000")).toBe(`http://p8080-${id}.localhost:3000`);
    expect(hosts().origin("s1", 80, "slipway.test")).toBe(`http://p80-${id}.localhost`);
    expect(hosts("preview.example.com", "https").origin("s1", 3000, "127.0.0.1:3000")).toBe(
      `https://p3000-${id}.preview.example.com`,
    );
    expect(hosts("apps.test", undefined, 8443).origin("s1", 5173, "x:3000")).toBe(
      `http://p5173-${id}.apps.test:8443`,
    );
  });

  it("claims every host under the preview domain, and only those", () => {
    const h = hosts();
    const id = h.idOf("s2");
    expect(h.parse(`p8080-${id}.localhost:3000`)).toEqual({
      kind: "preview",
      label: `p8080-${id}`,
      port: 8080,
      previewId: id,
    });
    expect(h.parse(`P8080-${id.toUpperCase()}.LOCALHOST.`)).toMatchObject({ kind: "preview", port: 8080 });
    for (const host of [
      "localhost:3000",
      "127.0.0.1:3000",
      "[::1]:3000",
      "slipway.test",
      undefined,
      "",
      "notlocalhost",
    ])
      expect(h.parse(host), String(host)).toEqual({ kind: "slipway" });
    for (const host of [
      `p0-${id}.localhost`,
      `p70000-${id}.localhost`,
      "anything.localhost",
      `a.p8080-${id}.localhost`,
      `p8080-${id}x.localhost`,
    ])
      expect(h.parse(host), host).toEqual({ kind: "unknown" });
  });

  it("finds the session of a preview id among those that may have previews", () => {
    const h = hosts();
    expect(h.sessionOf(h.idOf("s2"))).toBe("s2");
    expect(h.sessionOf("0".repeat(24))).toBeUndefined();
    expect(h.sessionOf(hosts().idOf("s3"))).toBeUndefined();
  });
});
