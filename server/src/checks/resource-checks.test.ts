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
    "/images/web/json": {
      Size: 50 * 1048576,
      RootFS: { Layers: ["l1", "l2", "l3"] },
      Config: { User: "app", ExposedPorts: { "80/tcp": {} }, Cmd: ["nginx"], Entrypoint: null },
    },
    "/images/nginx/json": { Size: 40 * 1048576, RootFS: { Layers: ["l1", "l2"] }, Config: { User: "" } },
    "/images/busybox/json": { Size: 1048576, RootFS: { Layers: ["b1"] }, Config: {} },
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
      "image web: expected to be built FROM busybox, but its layers do not start with that image's 1 layers",
    ]);
  });
});
