import { describe, expect, it } from "vitest";
import { containerCheck } from "./container-check.ts";
import { fakeCheckContext } from "./fake-check-context.ts";

const analytics = {
  State: { Status: "exited", ExitCode: 137, OOMKilled: true },
  RestartCount: 0,
  HostConfig: { Memory: 16 * 1048576, NanoCpus: 0, PidsLimit: null, RestartPolicy: { Name: "" } },
  NetworkSettings: {
    Networks: { bridge: {} },
    Ports: { "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }] },
  },
  Mounts: [
    {
      Type: "volume",
      Name: "data",
      Source: "/var/lib/docker/volumes/data/_data",
      Destination: "/data",
      RW: true,
    },
  ],
  Config: { Env: ["MODE=batch", "X=a=b"], User: "", Image: "python:3.12-slim", Labels: { team: "data" } },
};
const ctx = fakeCheckContext({ engine: { "/containers/analytics/json": analytics } });
const run = (raw: object) =>
  containerCheck.run(containerCheck.parse({ type: "container", ...raw }, "t"), ctx);

describe("container check", () => {
  it("passes when every named field matches", async () => {
    const r = await run({
      container: "analytics",
      state: "exited",
      exitCode: 137,
      oomKilled: true,
      memoryMiB: { max: 32 },
      networks: ["bridge"],
      ports: [{ container: "80", host: 8080 }],
      mounts: [{ type: "volume", source: "data", target: "/data", readOnly: false }],
      env: { MODE: "batch", X: "a=b" },
      user: "",
      image: "python:3.12-slim",
      health: "none",
      labels: { team: "data" },
      restartPolicy: "no",
      restartCount: 0,
    });
    expect(r.errors).toEqual([]);
    expect(r.pass).toBe(true);
  });

  it("takes a container port as a number, as a variable standing for it renders", async () => {
    expect((await run({ container: "analytics", ports: [{ container: 80, host: 8080 }] })).pass).toBe(true);
    expect((await run({ container: "analytics", ports: [{ container: 81, host: 8080 }] })).pass).toBe(false);
    expect(() => run({ container: "analytics", ports: [{ container: 70000 }] })).toThrow();
  });

  it("fails field by field with expected vs actual", async () => {
    const r = await run({
      container: "analytics",
      state: "running",
      exitCode: 0,
      oomKilled: false,
      memoryMiB: { min: 64 },
      mounts: [{ target: "/data", readOnly: true }],
      env: { MODE: "stream" },
    });
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual([
      'container analytics: State.Status expected "running", got "exited"',
      "container analytics: State.ExitCode expected 0, got 137",
      "container analytics: State.OOMKilled expected false, got true",
      "container analytics: memory limit (MiB) expected at least 64, got 16",
      "container analytics: mount /data readOnly expected true, got false",
      'container analytics: env MODE expected "stream", got "batch"',
    ]);
  });

  it("fails when the container is missing, and when it exists but must not", async () => {
    expect((await run({ container: "api" })).errors).toEqual([
      "container api: expected to exist, but there is no container with that name",
    ]);
    expect((await run({ container: "api", exists: false })).pass).toBe(true);
    expect((await run({ container: "analytics", exists: false })).errors).toEqual([
      "container analytics: expected not to exist, but it does",
    ]);
  });

  it("rejects an unknown field when parsing", () => {
    expect(() =>
      containerCheck.parse({ type: "container", container: "a", colour: "red" }, "lab.yaml"),
    ).toThrow(/colour/);
  });
});
