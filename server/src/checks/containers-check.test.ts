import { describe, expect, it } from "vitest";
import { containersCheck } from "./containers-check.ts";
import { fakeCheckContext } from "./fake-check-context.ts";

const listed = (name: string, image: string, state: string, networks: string[], labels = {}) => ({
  Id: `c-${name}`,
  Names: [`/${name}`],
  Image: image,
  ImageID: `id-${image.split(":")[0]}`,
  State: state,
  Labels: labels,
  NetworkSettings: { Networks: Object.fromEntries(networks.map((n) => [n, {}])) },
});
const ctx = fakeCheckContext({
  engine: {
    "/containers/json?all=1": [
      listed("web", "nginx:1.22", "running", ["appnet"], { tier: "front" }),
      listed("web2", "docker.io/library/nginx", "exited", ["bridge"]),
      listed("db", "redis", "running", ["appnet"]),
      // The tag has moved since: the list shows the image id, which the image resolves.
      { ...listed("old", "sha256:" + "9".repeat(64), "running", ["bridge"]), ImageID: "id-old" },
      // Built here and retagged since: its image has no name left, the container remembers.
      { ...listed("built", "sha256:" + "8".repeat(64), "exited", []), ImageID: "id-built" },
    ],
    "/images/id-old/json": { RepoTags: [], RepoDigests: ["nginx@sha256:" + "3".repeat(64)] },
    "/images/id-built/json": { RepoTags: [], RepoDigests: [] },
    "/containers/c-built/json": { Config: { Image: "app:1" } },
  },
});
const run = (raw: object) =>
  containersCheck.run(containersCheck.parse({ type: "containers", ...raw }, "t"), ctx);

describe("containers check", () => {
  it("counts the containers a filter matches, images compared as Docker does", async () => {
    expect((await run({ image: "nginx", count: 3 })).pass).toBe(true);
    expect((await run({ image: "nginx", state: "running", count: 2 })).pass).toBe(true);
    expect((await run({ network: "appnet", names: { exactly: ["db", "web"] } })).pass).toBe(true);
    expect((await run({ labels: { tier: "front" }, names: ["web"] })).pass).toBe(true);
    expect((await run({ image: "nginx:1.22", names: { exactly: ["web"] } })).pass).toBe(true);
    expect((await run({ image: "app", names: { exactly: ["built"] } })).pass).toBe(true);
  });

  it("says how many matched and which, when the count is wrong", async () => {
    expect((await run({ image: "nginx", state: "running", count: 1 })).errors).toEqual([
      "containers (image nginx, state running): count expected 1, got 2 (old, web)",
    ]);
    expect((await run({ count: 0 })).errors).toEqual([
      "containers: count expected 0, got 5 (built, db, old, web, web2)",
    ]);
  });

  it("needs at least one match unless told otherwise, and checks exact and excluded names", async () => {
    expect((await run({ image: "postgres" })).errors).toEqual([
      "containers (image postgres): count expected at least 1, got 0",
    ]);
    expect((await run({ state: "running", names: { exactly: ["web", "db"] } })).errors).toEqual([
      'containers (state running): names expected exactly ["db","web"], got ["db","old","web"]',
    ]);
    expect((await run({ network: "bridge", names: { not: ["web"] } })).pass).toBe(true);
  });
});
