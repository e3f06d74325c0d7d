import { describe, expect, it } from "vitest";
import type { Allowance } from "./allowances.ts";
import { checkContainerCreate, checkContainerStart, checkExecCreate } from "./container-policy.ts";
import { denialMessage } from "./denial.ts";
import { parseEngineJson } from "./engine-json.ts";
import { testContext } from "./test-context.test-helper.ts";

const create = (hostConfig: object, allow: Allowance[] = []) =>
  checkContainerCreate(
    parseEngineJson(JSON.stringify({ Image: "busybox", HostConfig: hostConfig })),
    testContext({ allow }),
  );

// Each refused HostConfig, the flag named, and the allowance that lets it through.
const REFUSED: Array<[object, string, Allowance]> = [
  [{ Privileged: true }, "--privileged", "privileged"],
  [{ CapAdd: ["NET_ADMIN", "SYS_ADMIN"] }, "--cap-add SYS_ADMIN", "cap-add"],
  [{ CapAdd: ["all"] }, "--cap-add ALL", "cap-add"],
  [{ Capabilities: ["CAP_SYS_MODULE"] }, "--cap-add SYS_MODULE", "cap-add"],
  [
    { Devices: [{ PathOnHost: "/dev/vda", PathInContainer: "/dev/vda", CgroupPermissions: "rwm" }] },
    "--device /dev/vda",
    "devices",
  ],
  [{ DeviceCgroupRules: ["a *:* rwm"] }, "--device-cgroup-rule 'a *:* rwm'", "devices"],
  [{ DeviceRequests: [{ Count: -1, Capabilities: [["gpu"]] }] }, "--gpus", "devices"],
  [{ PidMode: "host" }, "--pid=host", "host-namespaces"],
  [{ IpcMode: "host" }, "--ipc=host", "host-namespaces"],
  [{ UTSMode: "host" }, "--uts=host", "host-namespaces"],
  [{ CgroupnsMode: "host" }, "--cgroupns=host", "host-namespaces"],
  [
    { SecurityOpt: ["no-new-privileges", "seccomp=unconfined"] },
    "--security-opt seccomp=unconfined",
    "security-opt",
  ],
  [{ SecurityOpt: ["apparmor=unconfined"] }, "--security-opt apparmor=unconfined", "security-opt"],
  [{ SecurityOpt: ["label:disable"] }, "--security-opt label:disable", "security-opt"],
  [
    { SecurityOpt: [`seccomp=${JSON.stringify({ defaultAction: "SCMP_ACT_ALLOW", syscalls: [] })}`] },
    "--security-opt seccomp=<profile>",
    "security-opt",
  ],
  [{ MaskedPaths: [], ReadonlyPaths: [] }, "--security-opt systempaths=unconfined", "security-opt"],
  [{ Sysctls: { "net.ipv4.ip_forward": "1" } }, "--sysctl net.ipv4.ip_forward=1", "sysctls"],
  [{ Runtime: "kata" }, "--runtime=kata", "runtime"],
  [{ CgroupParent: "/" }, "--cgroup-parent=/", "cgroup-parent"],
  [{ Binds: ["/var/run/docker.sock:/s"] }, "-v /var/run/docker.sock:/s", "bind-mount"],
  [{ Mounts: [{ Type: "bind", Source: "/", Target: "/host" }] }, "--mount type=bind,source=/", "bind-mount"],
];

describe("container create", () => {
  it.each(REFUSED)("refuses %j as %s unless the lab allows %s", (hc, what, allowance) => {
    expect(create(hc)).toMatchObject({ allowance, what });
    expect(create(hc, [allowance])).toBeUndefined();
  });

  it("allows what an ordinary docker run sends", () => {
    const ordinary = {
      NetworkMode: "host",
      CapAdd: ["NET_ADMIN"],
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges:true"],
      Binds: ["/home/learner/site:/usr/share/nginx/html:ro", "data:/data"],
      PortBindings: { "80/tcp": [{ HostPort: "8080" }] },
      Memory: 20971520,
      RestartPolicy: { Name: "always" },
      MaskedPaths: null,
      Runtime: "runc",
      PidMode: "container:abc",
      UsernsMode: "host",
    };
    expect(create(ordinary)).toBeUndefined();
  });

  it("reads HostConfig fields at the top level too, in any case", () => {
    const ctx = testContext();
    expect(checkContainerCreate(parseEngineJson('{"Image":"busybox","privileged":true}'), ctx)?.what).toBe(
      "--privileged",
    );
    expect(checkContainerCreate(parseEngineJson('{"Binds":["/:/h"],"HostConfig":{}}'), ctx)?.what).toBe(
      "-v /:/h",
    );
    expect(checkContainerCreate(parseEngineJson('{"HOSTCONFIG":{"pidmode":"HOST"}}'), ctx)?.what).toBe(
      "--pid=host",
    );
  });

  it("words the denial as the docker CLI will print it", () => {
    expect(denialMessage(create({ Privileged: true }) ?? { allowance: "privileged", what: "?" })).toBe(
      "slipway policy: --privileged is not allowed in this lab",
    );
  });
});

describe("legacy start and exec create", () => {
  it("checks a HostConfig posted to /start (API < 1.24 applies it)", () => {
    expect(checkContainerStart(parseEngineJson('{"Privileged":true}'), testContext())?.what).toBe(
      "--privileged",
    );
    expect(checkContainerStart(parseEngineJson(""), testContext())).toBeUndefined();
  });

  it("refuses docker exec --privileged unless allowed", () => {
    const body = parseEngineJson('{"Cmd":["sh"],"Privileged":true}');
    expect(checkExecCreate(body, testContext())?.what).toBe("docker exec --privileged");
    expect(checkExecCreate(body, testContext({ allow: ["privileged"] }))).toBeUndefined();
    expect(checkExecCreate(parseEngineJson('{"Cmd":["sh"],"Tty":true}'), testContext())).toBeUndefined();
  });
});
