import { describe, expect, it } from "vitest";
import { fakeCheckContext } from "./fake-check-context.ts";
import { mountsCheck } from "./mounts-check.ts";

const volume = (name: string, target: string, rw = true) => ({
  Type: "volume",
  Name: name,
  Source: `/var/lib/docker/volumes/${name}/_data`,
  Destination: target,
  RW: rw,
});
const containers: Record<string, { State: string; body: object }> = {
  web: {
    State: "running",
    body: {
      Mounts: [
        volume("site-data", "/usr/share/nginx/html", false),
        { Type: "bind", Source: "/home/learner/site", Destination: "/srv", RW: true },
      ],
    },
  },
  clock: { State: "running", body: { Mounts: [volume("site-data", "/out")] } },
  old: { State: "exited", body: { Mounts: [volume("site-data", "/out")] } },
  // `--tmpfs /scratch:size=16m`: not in Mounts at all.
  flagged: { State: "running", body: { Mounts: [], HostConfig: { Tmpfs: { "/scratch": "rw,size=16m" } } } },
  // `--mount type=tmpfs,dst=/scratch,tmpfs-size=8388608`: in Mounts, sized in HostConfig.Mounts.
  mounted: {
    State: "running",
    body: {
      Mounts: [{ Type: "tmpfs", Source: "", Destination: "/scratch", RW: true }],
      HostConfig: { Mounts: [{ Type: "tmpfs", Target: "/scratch", TmpfsOptions: { SizeBytes: 8388608 } }] },
    },
  },
  unlimited: { State: "exited", body: { Mounts: [], HostConfig: { Tmpfs: { "/scratch": "" } } } },
};
const engine: Record<string, unknown> = {
  "/containers/json?all=1": Object.entries(containers).map(([n, c]) => ({ Id: `id-${n}`, State: c.State })),
};
for (const [n, c] of Object.entries(containers))
  engine[`/containers/id-${n}/json`] = { Name: `/${n}`, ...c.body };
const ctx = fakeCheckContext({ engine });
const run = (raw: object) => mountsCheck.run(mountsCheck.parse({ type: "mounts", ...raw }, "t"), ctx);

describe("mounts check", () => {
  it("counts the containers that share a volume, in a state", async () => {
    expect((await run({ kind: "volume", source: "site-data", state: "running", count: 2 })).pass).toBe(true);
    const r = await run({ kind: "volume", source: "site-data", state: "running", count: { min: 3 } });
    expect(r.errors).toEqual([
      "containers with volume site-data (running): count expected at least 3, got 2",
      "containers with volume site-data (running): matching: clock, web",
    ]);
    expect((await run({ kind: "volume", source: "site-data", count: 3 })).pass).toBe(true);
  });

  it("tells read-only from read-write, and names what came close", async () => {
    expect((await run({ kind: "volume", source: "site-data", readOnly: true, count: 1 })).pass).toBe(true);
    const r = await run({ kind: "volume", source: "site-data", target: "/out", readOnly: true });
    expect(r.errors).toContain(
      "containers with volume site-data at /out (read-only): clock has volume site-data at /out (read-write)",
    );
  });

  it("takes a relative bind source from the workspace", async () => {
    for (const source of ["site", "./site/", "/home/learner/site"])
      expect((await run({ kind: "bind", source, target: "/srv" })).pass).toBe(true);
    const r = await run({ kind: "bind", source: "other", target: "/srv" });
    expect(r.errors).toEqual([
      "containers with bind mount of other at /srv: count expected at least 1, got 0",
      "containers with bind mount of other at /srv: web has bind /home/learner/site at /srv (read-write)",
    ]);
  });

  it("sees tmpfs mounts made with --tmpfs and with --mount, and their size", async () => {
    const sized = await run({ kind: "tmpfs", target: "/scratch", sizeMiB: { max: 16 }, count: 2 });
    expect(sized.pass).toBe(true);
    expect((await run({ kind: "tmpfs", target: "/scratch", sizeMiB: 8, count: 1 })).pass).toBe(true);
    const r = await run({ kind: "tmpfs", target: "/scratch", sizeMiB: { max: 4 }, state: "exited" });
    expect(r.errors).toContain(
      "containers with a tmpfs at /scratch (exited): unlimited has tmpfs at /scratch (read-write, no size limit)",
    );
  });

  it("can require that nothing matches", async () => {
    expect((await run({ kind: "volume", source: "gone", count: 0 })).pass).toBe(true);
    expect((await run({ kind: "tmpfs", count: { max: 0 } })).errors[0]).toMatch(/at most 0, got 3/);
  });

  it("refuses specs that cannot mean anything", () => {
    const parse = (raw: object) => () => mountsCheck.parse({ type: "mounts", ...raw }, "t");
    expect(parse({ kind: "tmpfs", source: "x" })).toThrow(/no source/);
    expect(parse({ kind: "volume", sizeMiB: 8 })).toThrow(/for tmpfs/);
    expect(parse({ kind: "bind", target: "srv" })).toThrow(/absolute/);
  });
});
