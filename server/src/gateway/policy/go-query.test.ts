import { describe, expect, it } from "vitest";
import { GoQuery } from "./go-query.ts";

// Each case as Go 1.19's url.ParseQuery answers it (dockerd 20.10 in Debian bookworm).
describe("GoQuery", () => {
  it("splits on & only, and skips a pair holding a semicolon", () => {
    const q = GoQuery.parse("t=app;cgroupparent=/&nocache=1&a=1;b=2");
    expect(q.get("t")).toBeUndefined();
    expect(q.get("cgroupparent")).toBeUndefined();
    expect(q.get("a")).toBeUndefined();
    expect(q.get("nocache")).toBe("1");
    expect(q.skipped).toEqual(["t=app;cgroupparent=/", "a=1;b=2"]);
    // An encoded semicolon is only data.
    expect(GoQuery.parse("t=a%3Bb").get("t")).toBe("a;b");
  });

  it("skips a pair whose key or value has a bad escape, keeping the others", () => {
    for (const bad of [
      "cgroupparent=%2F%zz",
      "cgroupparent=%2",
      "cgroupparent=%",
      "cgroup%zparent=/",
      "%=x",
    ]) {
      const q = GoQuery.parse(`${bad}&t=app`);
      expect(q.get("cgroupparent"), bad).toBeUndefined();
      expect(q.get("t"), bad).toBe("app");
      expect(q.skipped, bad).toEqual([bad]);
    }
  });

  it("decodes keys and values alike: %XX in either case, + as a space", () => {
    const q = GoQuery.parse("%63groupparent=%2f&%63%67roup%50arent=x&t=a+b%20c&%2B=plus");
    expect(q.all("cgroupparent")).toEqual(["/"]);
    expect(q.get("cgroupParent")).toBe("x");
    expect(q.get("t")).toBe("a b c");
    expect(q.get("+")).toBe("plus");
  });

  it("keeps repeated keys in order; get is the first, as FormValue", () => {
    const q = GoQuery.parse("cgroupparent=&cgroupparent=/&t=a&t=b");
    expect(q.get("cgroupparent")).toBe("");
    expect(q.all("cgroupparent")).toEqual(["", "/"]);
    expect(q.all("t")).toEqual(["a", "b"]);
  });

  it("reads empty values, bare keys, = inside values and empty pairs", () => {
    const q = GoQuery.parse("&&a=&b&c==d&=e&");
    expect(q.get("a")).toBe("");
    expect(q.get("b")).toBe("");
    expect(q.get("c")).toBe("=d");
    expect(q.get("")).toBe("e");
    expect(q.get("z")).toBeUndefined();
    expect(q.all("z")).toEqual([]);
    expect(q.skipped).toEqual([]);
    expect(GoQuery.parse("").skipped).toEqual([]);
  });

  it("treats a fragment marker as data (a request target has no fragment)", () => {
    expect(GoQuery.parse("t=a#b&q=1").get("t")).toBe("a#b");
  });

  it("decodes escaped bytes as UTF-8 text", () => {
    expect(GoQuery.parse("t=caf%C3%A9").get("t")).toBe("café");
    // Not UTF-8: still a non-empty value, never equal to an ASCII one.
    expect(GoQuery.parse("t=%FF").get("t")).toBe("\uFFFD");
  });
});
