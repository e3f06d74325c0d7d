import { describe, expect, it } from "vitest";
import type { Allowance } from "./allowances.ts";
import { parseEngineJson } from "./engine-json.ts";
import { checkServiceSpec } from "./service-policy.ts";
import { testContext } from "./test-context.test-helper.ts";

const spec = (containerSpec: object, taskTemplate: object = {}) =>
  parseEngineJson(
    JSON.stringify({
      Name: "web",
      TaskTemplate: { ContainerSpec: { Image: "nginx", ...containerSpec }, ...taskTemplate },
    }),
  );

const REFUSED: Array<[unknown, string, Allowance]> = [
  [
    spec({ Mounts: [{ Type: "bind", Source: "/var/run/docker.sock", Target: "/s" }] }),
    "--mount type=bind,source=/var/run/docker.sock",
    "bind-mount",
  ],
  [
    spec({
      Mounts: [
        {
          Type: "volume",
          Target: "/h",
          VolumeOptions: { DriverConfig: { Options: { o: "bind", device: "/" } } },
        },
      ],
    }),
    "--mount volume-opt=device=/",
    "bind-mount",
  ],
  [spec({ CapabilityAdd: ["CAP_SYS_ADMIN"] }), "--cap-add SYS_ADMIN", "cap-add"],
  [spec({ Sysctls: { "kernel.shm_rmid_forced": "1" } }), "--sysctl kernel.shm_rmid_forced=1", "sysctls"],
  [
    spec({ Privileges: { Seccomp: { Mode: "unconfined" } } }),
    "--security-opt seccomp=unconfined",
    "security-opt",
  ],
  [
    spec({ Privileges: { AppArmor: { Mode: "disabled" } } }),
    "--security-opt apparmor=unconfined",
    "security-opt",
  ],
  [spec({}, { Runtime: "plugin", PluginSpec: { Name: "x", Remote: "x" } }), "a plugin service", "plugins"],
];

describe("services", () => {
  it.each(REFUSED)("refuses %j as %s unless the lab allows %s", (s, what, allowance) => {
    expect(checkServiceSpec(s, testContext())).toMatchObject({ allowance, what });
    expect(checkServiceSpec(s, testContext({ allow: [allowance] }))).toBeUndefined();
  });

  it("allows an ordinary replicated service with a volume and a workspace bind", () => {
    const ok = spec({
      Mounts: [
        { Type: "volume", Source: "data", Target: "/data" },
        { Type: "bind", Source: "/home/learner/site", Target: "/s" },
      ],
      CapabilityAdd: ["NET_ADMIN"],
      Privileges: { Seccomp: { Mode: "default" } },
    });
    expect(checkServiceSpec(ok, testContext())).toBeUndefined();
  });
});
