// The storage check against a fake engine: which mount holds a path, and what kind it is.
import { describe, expect, it } from "vitest";
import { fakeCheckContext } from "./fake-check-context.ts";
import { storageCheck } from "./storage-check.ts";

const ANON = "9f7d84c2a93aa30ea87ad937a8209a2464be86c40c85d790b144d53806cb8dc6";
const container = (mounts: object[], tmpfs?: Record<string, string>) => ({
  Mounts: mounts,
  HostConfig: { Tmpfs: tmpfs ?? null },
});
const ctx = fakeCheckContext({
  engine: {
    "/containers/named/json": container([{ Type: "volume", Name: "scores-data", Destination: "/data" }]),
    "/containers/anon/json": container([{ Type: "volume", Name: ANON, Destination: "/data" }]),
    "/containers/labelled/json": container([{ Type: "volume", Name: "vol-23", Destination: "/data" }]),
    "/volumes/vol-23": { Name: "vol-23", Labels: { "com.docker.volume.anonymous": "" } },
    "/volumes/scores-data": { Name: "scores-data", Labels: null },
    "/containers/bound/json": container([
      { Type: "bind", Source: "/home/learner/redis-data", Destination: "/data/" },
    ]),
    "/containers/nested/json": container([
      { Type: "volume", Name: ANON, Destination: "/var/lib/postgresql/data" },
      { Type: "volume", Name: "pg", Destination: "/var/lib/postgresql" },
    ]),
    "/containers/sibling/json": container([{ Type: "volume", Name: "db", Destination: "/database" }]),
    "/containers/memory/json": container([], { "/data": "size=64m" }),
    "/containers/bare/json": container([]),
  },
});
const run = (raw: object) =>
  storageCheck.run(storageCheck.parse({ type: "storage", on: ["named-volume", "bind"], ...raw }, "t"), ctx);

describe("storage check", () => {
  it("passes for a named volume or a bind mount holding the path or a folder above it", async () => {
    expect((await run({ container: "named", path: "/data" })).errors).toEqual([]);
    expect((await run({ container: "named", path: "/data/appendonlydir" })).errors).toEqual([]);
    expect((await run({ container: "bound", path: "/data" })).errors).toEqual([]);
  });

  it("says which storage holds the path when it is not one that passes", async () => {
    expect((await run({ container: "anon", path: "/data" })).errors).toEqual([
      "container anon: /data expected on a named volume or a bind mount, but it is on an anonymous volume 9f7d84c2a93a… mounted at /data",
    ]);
    expect((await run({ container: "memory", path: "/data/x" })).errors).toEqual([
      "container memory: /data/x expected on a named volume or a bind mount, but it is on a tmpfs (memory only) mounted at /data",
    ]);
    expect((await run({ container: "bare", path: "/data" })).errors).toEqual([
      "container bare: /data expected on a named volume or a bind mount, but it is on the container's own writable layer",
    ]);
  });

  it("knows an anonymous volume by its label when its name does not tell", async () => {
    expect((await run({ container: "labelled", path: "/data" })).pass).toBe(false);
    expect((await run({ container: "labelled", path: "/data", on: ["anonymous-volume"] })).pass).toBe(true);
  });

  it("takes the deepest mount, and a mount at /database does not hold /data", async () => {
    const r = await run({ container: "nested", path: "/var/lib/postgresql/data" });
    expect(r.errors[0]).toMatch(/an anonymous volume .* mounted at \/var\/lib\/postgresql\/data$/);
    expect((await run({ container: "nested", path: "/var/lib/postgresql/conf" })).pass).toBe(true);
    expect((await run({ container: "sibling", path: "/data", on: ["container-layer"] })).pass).toBe(true);
  });

  it("fails for a missing container", async () => {
    expect((await run({ container: "gone", path: "/data" })).errors).toEqual([
      "container gone: expected to exist, but there is no container with that name",
    ]);
  });

  it("refuses a relative path and an unknown kind when the lab is loaded", () => {
    const parse = (raw: object) => storageCheck.parse({ type: "storage", container: "c", ...raw }, "t");
    expect(() => parse({ path: "data", on: ["bind"] })).toThrow(/absolute path/);
    expect(() => parse({ path: "/data", on: ["volume"] })).toThrow(/on\.0/);
    expect(() => parse({ path: "/data", on: [] })).toThrow(/on/);
  });
});
