import { describe, expect, it } from "vitest";
import { parseEngineJson } from "./engine-json.ts";
import { GoQuery } from "./go-query.ts";
import { checkBody, checkRoute, mountUses } from "./request-policy.ts";
import { testContext } from "./test-context.test-helper.ts";

const q = (s = "") => GoQuery.parse(s);

describe("route-only decisions", () => {
  it("refuses plugin installs and changes unless the lab allows plugins", () => {
    expect(checkRoute("plugin-install", q(), testContext())?.allowance).toBe("plugins");
    expect(checkRoute("plugin-change", q(), testContext())?.allowance).toBe("plugins");
    expect(checkRoute("plugin-install", q(), testContext({ allow: ["plugins"] }))).toBeUndefined();
  });

  it("refuses joining another swarm", () => {
    expect(checkRoute("swarm-join", q(), testContext())?.what).toBe("docker swarm join");
    expect(checkRoute("swarm-join", q(), testContext({ allow: ["swarm-join"] }))).toBeUndefined();
  });

  it("refuses a build that would leave the sandbox's cgroup", () => {
    expect(checkRoute("build", q("t=app&cgroupparent=%2F"), testContext())?.what).toBe(
      "docker build --cgroup-parent /",
    );
    expect(checkRoute("build", q("t=app&networkmode=host"), testContext())).toBeUndefined();
    expect(checkRoute("build", q("cgroupparent="), testContext())).toBeUndefined();
  });

  it("reads the build query as the engine does, and refuses any set cgroup parent", () => {
    const what = (query: string) => checkRoute("build", q(query), testContext())?.what;
    expect(what("%63group%70arent=%2Fsys")).toBe("docker build --cgroup-parent /sys");
    // The engine takes the first value (empty); a later one is refused all the same.
    expect(what("cgroupparent=&cgroupparent=/")).toBe("docker build --cgroup-parent /");
    expect(
      checkRoute("build", q("cgroupparent=/"), testContext({ allow: ["cgroup-parent"] })),
    ).toBeUndefined();
  });

  it("refuses BuildKit's raw /grpc API unless the lab allows it", () => {
    expect(checkRoute("buildkit-api", q(), testContext())?.allowance).toBe("buildkit-api");
    expect(checkRoute("buildkit-api", q(), testContext({ allow: ["buildkit-api"] }))).toBeUndefined();
  });
});

describe("body decisions", () => {
  it("checks volume create driver options", () => {
    const body = parseEngineJson(
      '{"Name":"v","Driver":"local","DriverOpts":{"type":"none","o":"bind","device":"/"}}',
    );
    expect(checkBody("volume-create", body, testContext())?.what).toBe("--opt device=/");
    expect(mountUses("volume-create", body)).toEqual([{ kind: "bind", path: "/", what: "--opt device=/" }]);
    expect(checkBody("volume-create", parseEngineJson('{"Name":"v"}'), testContext())).toBeUndefined();
  });

  it("collects mounts of a legacy start body as a HostConfig", () => {
    expect(mountUses("container-start", parseEngineJson('{"Binds":["/tmp/a:/a"]}'))).toEqual([
      { kind: "bind", path: "/tmp/a", what: "-v /tmp/a:/a" },
    ]);
  });

  it("lets networks and swarm init through (they are parsed for the audit only)", () => {
    const body = parseEngineJson('{"Name":"n","Driver":"macvlan","Options":{"parent":"eth0"}}');
    expect(checkBody("network-create", body, testContext())).toBeUndefined();
    expect(
      checkBody("swarm-init", parseEngineJson('{"ListenAddr":"0.0.0.0:2377"}'), testContext()),
    ).toBeUndefined();
  });
});
