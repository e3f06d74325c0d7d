// network, volume and image checks against a fake engine.
import { describe, expect, it } from "vitest";
import { fakeCheckContext, ok } from "./fake-check-context.ts";
import { imageCheck } from "./image-check.ts";
import { networkCheck } from "./network-check.ts";
import { volumeCheck } from "./volume-check.ts";

const ctx = fakeCheckContext({
  engine: {
    "/networks/app-net": { Driver: "bridge", Internal: false, Containers: { a1: { Name: "api" } } },
    "/volumes/data": { Mountpoint: "/var/lib/docker/volumes/data/_data" },
    "/images/json": [
      { Id: "id-web", RepoTags: ["web:latest"], Created: 3 },
      { Id: "id-nginx", RepoTags: ["nginx:latest", "nginx:1.22"], Created: 2 },
      { Id: "id-busybox", RepoTags: ["busybox:latest"], Created: 1 },
    ],
    "/images/id-web/json": {
      RepoTags: ["web:latest"],
      Size: 50 * 1048576,
      RootFS: { Layers: ["l1", "l2", "l3"] },
      Config: { User: "app", ExposedPorts: { "80/tcp": {} }, Cmd: ["nginx"], Entrypoint: null },
    },
    "/images/id-nginx/json": { Size: 40 * 1048576, RootFS: { Layers: ["l1", "l2"] }, Config: { User: "" } },
    "/images/id-busybox/json": { Size: 1048576, RootFS: { Layers: ["b1"] }, Config: {} },
  },
  exec: (cmd) =>
    cmd.join(" ") === "cat /var/lib/docker/volumes/data/_data/notes.txt"
      ? ok("hello volume")
      : { exitCode: 1, stdout: "", stderr: "No such file" },
});

describe("network check", () => {
  const run = (raw: object) => networkCheck.run(networkCheck.parse({ type: "network", ...raw }, "t"), ctx);
  it("passes and fails with expected vs actual", async () => {
    expect((await run({ network: "app-net", driver: "bridge", containers: ["api"] })).pass).toBe(true);
    const r = await run({ network: "app-net", internal: true, containers: ["db"] });
    expect(
      (await run({ network: "app-net", driver: { not: "host" }, containers: { exactly: ["api"] } })).pass,
    ).toBe(true);
    expect((await run({ network: "app-net", containers: { not: ["api"] } })).errors).toEqual([
      'network app-net: attached containers expected not to include "api", got ["api"]',
    ]);
    expect(r.errors).toEqual([
      "network app-net: Internal expected true, got false",
      'network app-net: attached containers expected to include "db", got ["api"]',
    ]);
    expect((await run({ network: "other" })).errors[0]).toMatch(/expected to exist/);
  });
});

describe("volume check", () => {
  const run = (raw: object) => volumeCheck.run(volumeCheck.parse({ type: "volume", ...raw }, "t"), ctx);
  it("reads a file from the volume's mountpoint in the engine", async () => {
    expect((await run({ volume: "data", file: { path: "notes.txt", contains: "hello" } })).pass).toBe(true);
  });
  it("fails on missing volume, missing file and wrong content", async () => {
    expect((await run({ volume: "nope" })).errors).toEqual([
      "volume nope: expected to exist, but there is no volume with that name",
    ]);
    expect((await run({ volume: "data", file: { path: "gone.txt" } })).errors).toEqual([
      "volume data: file gone.txt expected to exist, but it does not",
    ]);
    expect((await run({ volume: "data", file: { path: "notes.txt", contains: "bye" } })).errors).toEqual([
      'volume data: file notes.txt expected to contain "bye", got "hello volume"',
    ]);
  });
  it("refuses a path that escapes the volume", () => {
    expect(() => volumeCheck.parse({ type: "volume", volume: "d", file: { path: "../x" } }, "t")).toThrow(
      /inside/,
    );
  });
});

describe("image check", () => {
  const run = (raw: object) => imageCheck.run(imageCheck.parse({ type: "image", ...raw }, "t"), ctx);
  it("passes for a matching image built FROM its base", async () => {
    const r = await run({
      image: "web",
      maxSizeMiB: 60,
      layers: { max: 3 },
      nonRootUser: true,
      healthcheck: false,
      exposes: ["80"],
      cmd: ["nginx"],
      from: "nginx",
    });
    expect(r.errors).toEqual([]);
  });
  it("fails with expected vs actual for each field", async () => {
    const r = await run({
      image: "web",
      maxSizeMiB: 10,
      layers: 1,
      nonRootUser: false,
      healthcheck: true,
      exposes: ["443"],
      cmd: ["sh"],
      from: "busybox",
    });
    expect(r.errors).toEqual([
      "image web: size (MiB) expected at most 10, got 50",
      "image web: layer count expected 1, got 3",
      'image web: Config.User expected root, got "app"',
      "image web: HEALTHCHECK expected to be set, got none",
      'image web: ExposedPorts expected to include "443/tcp", got ["80/tcp"]',
      'image web: Config.Cmd expected ["sh"], got ["nginx"]',
      "image web: expected to be built FROM busybox, but its layers do not start with the layers of any busybox image",
    ]);
  });
  it("names every tag of a repository unless it asks for one", async () => {
    expect((await run({ image: "docker.io/library/nginx", layers: 2 })).pass).toBe(true);
    expect((await run({ image: "nginx:1.22" })).pass).toBe(true);
    expect((await run({ image: "nginx:1.23" })).errors).toEqual([
      "image nginx:1.23: expected to exist, but there is no image nginx:1.23",
    ]);
    expect((await run({ image: "redis" })).errors).toEqual([
      "image redis: expected to exist, but there is no image redis (any tag)",
    ]);
    expect((await run({ image: "redis", exists: false })).pass).toBe(true);
    expect((await run({ image: "nginx:1.23", exists: false })).pass).toBe(true);
    expect((await run({ image: "web", from: "nginx:1.22" })).pass).toBe(true);
  });
  it("passes when any one tag of the repository satisfies every field", async () => {
    const tags = fakeCheckContext({
      engine: {
        "/images/json": [
          { Id: "v2", RepoTags: ["app:2"], Created: 2 },
          { Id: "v1", RepoTags: ["app:1"], Created: 1 },
        ],
        "/images/v2/json": { RepoTags: ["app:2"], Size: 1, RootFS: { Layers: [] }, Config: { User: "" } },
        "/images/v1/json": { RepoTags: ["app:1"], Size: 1, RootFS: { Layers: [] }, Config: { User: "app" } },
      },
    });
    const check = (raw: object) => imageCheck.run(imageCheck.parse({ type: "image", ...raw }, "t"), tags);
    expect((await check({ image: "app", nonRootUser: true })).pass).toBe(true);
    expect((await check({ image: "app:2", nonRootUser: true })).pass).toBe(false);
    expect((await check({ image: "app", nonRootUser: false, layers: 3 })).errors).toEqual([
      "image app (app:2): layer count expected 3, got 0",
    ]);
  });
});
