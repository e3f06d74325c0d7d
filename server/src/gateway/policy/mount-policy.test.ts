import { describe, expect, it } from "vitest";
import { parseEngineJson } from "./engine-json.ts";
import { checkMountUses, pathsToResolve } from "./mount-policy.ts";
import { bindsOf, mountsOf, volumeOptionUses } from "./mount-uses.ts";
import { testContext } from "./test-context.test-helper.ts";

const binds = (...b: string[]) => bindsOf(b);
const denied = (uses: ReturnType<typeof bindsOf>, ctx = testContext()) => checkMountUses(uses, ctx)?.what;

describe("bind sources", () => {
  it("allows the workspace, /tmp and paths under them", () => {
    expect(
      denied(binds("/home/learner:/w", "/home/learner/app:/app:ro", "/tmp:/t", "/tmp/x/:/x")),
    ).toBeUndefined();
  });

  it("refuses everything else, by the flag the learner typed", () => {
    for (const b of [
      "/var/run/docker.sock:/s",
      "/:/host",
      "/proc:/p",
      "/sys:/s",
      "/var/lib/docker:/d",
      "/etc:/e:ro",
    ])
      expect(denied(binds(b))).toBe(`-v ${b}`);
  });

  it("is not fooled by prefixes, dot segments or slashes", () => {
    for (const b of [
      "/tmpfoo:/x",
      "/home/learnerx:/x",
      "/home/learner/../../etc:/x",
      "/tmp/../var/run/docker.sock:/s",
      "//etc:/x",
      "/home/learner/./../:/x",
    ])
      expect(denied(binds(b))).toBe(`-v ${b}`);
  });

  it("follows symlinks in the workspace as the engine would", () => {
    const ctx = testContext({ links: { "/home/learner/link": "/", "/home/learner/rel": "../../var" } });
    expect(checkMountUses(binds("/home/learner/link:/host"), ctx)).toEqual({
      allowance: "bind-mount",
      what: "-v /home/learner/link:/host",
      why: "bind mounts must come from /home/learner or /tmp; this one leads to /",
    });
    expect(denied(binds("/home/learner/rel/run:/x"), ctx)).toBe("-v /home/learner/rel/run:/x");
    // `..` after a symlink climbs from where the link points, not from the workspace.
    expect(denied(binds("/home/learner/link/../etc:/x"), ctx)).toBe("-v /home/learner/link/../etc:/x");
    expect(denied(binds("/home/learner/ok:/x"), ctx)).toBeUndefined();
  });

  it("needs the real paths of in-root sources only, and fails closed without them", () => {
    expect(pathsToResolve(binds("/home/learner/a/../b:/x", "/etc:/e", "/tmp:/t"))).toEqual([
      "/home/learner/a/../b",
      "/home/learner/b",
      "/tmp",
    ]);
    const blind = { ...testContext(), realPath: () => undefined };
    expect(checkMountUses(binds("/home/learner:/w"), blind)?.why).toBe("its real path could not be checked");
  });

  it("refuses in-root binds when the engine cannot pin them", () => {
    expect(checkMountUses(binds("/tmp:/t"), testContext({ pinned: false }))?.why).toMatch(/cannot pin/);
  });

  it("ignores named and anonymous volumes", () => {
    expect(bindsOf(["data:/data", "/data", "data:/data:ro", 7, null])).toEqual([]);
  });

  it("lets a lab allow bind mounts", () => {
    expect(denied(binds("/:/host"), testContext({ allow: ["bind-mount"] }))).toBeUndefined();
  });
});

describe("--mount and volume driver options", () => {
  const mounts = (json: string) => mountsOf(parseEngineJson(json));

  it("checks bind mounts and local volumes that bind or mount a device", () => {
    expect(denied(mounts('[{"Type":"bind","Source":"/","Target":"/h"}]'))).toBe("--mount type=bind,source=/");
    expect(denied(mounts('[{"Type":"bind","Source":"/home/learner/x","Target":"/h"}]'))).toBeUndefined();
    const inline =
      '[{"Type":"volume","Target":"/h","VolumeOptions":{"DriverConfig":{"Name":"local","Options":{"type":"none","o":"bind","device":"/"}}}}]';
    expect(denied(mounts(inline))).toBe("--mount volume-opt=device=/");
    expect(
      denied(mounts('[{"Type":"tmpfs","Target":"/t"},{"Type":"volume","Source":"v","Target":"/v"}]')),
    ).toBeUndefined();
  });

  it("reads local volume options like the engine's mount(2) call", () => {
    const opts = (o: Record<string, string>) =>
      checkMountUses(volumeOptionUses(parseEngineJson(JSON.stringify(o))), testContext());
    expect(opts({ type: "none", o: "bind", device: "/etc" })?.what).toBe("--opt device=/etc");
    expect(opts({ o: "rbind,ro", device: "etc" })?.what).toBe("--opt device=etc");
    expect(opts({ type: "none", o: "bind", device: "/home/learner/data" })).toBeUndefined();
    expect(opts({ type: "ext4", device: "/dev/vda" })).toMatchObject({
      allowance: "devices",
      what: "--opt device=/dev/vda",
    });
    expect(opts({ type: "ext4", device: "dev/vda" })?.allowance).toBe("devices");
    expect(opts({ type: "tmpfs", device: "tmpfs", o: "size=10m" })).toBeUndefined();
    expect(opts({ type: "nfs", o: "addr=10.0.0.1", device: ":/export" })).toBeUndefined();
    expect(opts({})).toBeUndefined();
  });
});
