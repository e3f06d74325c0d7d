// The container check's image matching, `not` fields, sets and exact ports.
import { describe, expect, it } from "vitest";
import { containerCheck } from "./container-check.ts";
import { fakeCheckContext } from "./fake-check-context.ts";

const NGINX_ID = `sha256:${"1".repeat(64)}`;
const DIGEST = `sha256:${"2".repeat(64)}`;
const container = (image: string, extra: object = {}) => ({
  Image: NGINX_ID,
  State: { Status: "running", ExitCode: 0 },
  HostConfig: { RestartPolicy: { Name: "always" }, PortBindings: {} },
  NetworkSettings: {
    Networks: { appnet: {} },
    Ports: { "80/tcp": [{ HostIp: "0.0.0.0", HostPort: "8080" }] },
  },
  Config: { Image: image, Env: ["MODE=dev"], User: "", Labels: {} },
  ...extra,
});
const ctxFor = (image: string, extra: object = {}) =>
  fakeCheckContext({
    engine: {
      "/containers/web/json": container(image, extra),
      [`/images/${encodeURIComponent(NGINX_ID)}/json`]: {
        RepoTags: ["nginx:latest", "nginx:1.22"],
        RepoDigests: [`nginx@${DIGEST}`],
      },
    },
  });
const run = async (image: string, raw: object, extra: object = {}) =>
  containerCheck.run(
    containerCheck.parse({ type: "container", container: "web", ...raw }, "t"),
    ctxFor(image, extra),
  );

describe("container check: images compare as Docker compares them", () => {
  it.each([
    "nginx",
    "nginx:1.22",
    "nginx:latest",
    "docker.io/library/nginx:latest",
    "library/nginx",
    `nginx@${DIGEST}`,
    NGINX_ID,
    "111111111111",
  ])("image: nginx accepts a container run from %s", async (typed) => {
    expect((await run(typed, { image: "nginx" })).errors).toEqual([]);
  });

  it("requires the tag when the check names one, looking at the image behind an id or digest", async () => {
    expect((await run("nginx:1.22", { image: "nginx:1.22" })).pass).toBe(true);
    expect((await run(NGINX_ID, { image: "nginx:1.22" })).pass).toBe(true);
    expect((await run(`nginx@${DIGEST}`, { image: "nginx:1.22" })).pass).toBe(true);
    expect((await run("nginx:1.23", { image: "nginx:1.22" })).errors).toEqual([
      'container web: image expected nginx:1.22, got "nginx:1.23"',
    ]);
    // Typed as plain nginx (latest): the same image also carrying 1.22 does not make it so.
    expect((await run("nginx", { image: "nginx:1.22" })).pass).toBe(false);
  });

  it("rejects another repository, and says which was asked", async () => {
    expect((await run("redis", { image: "nginx" })).errors).toEqual([
      'container web: image expected nginx (any tag), got "redis"',
    ]);
    expect((await run("nginxinc/nginx", { image: "nginx" })).pass).toBe(false);
    expect((await run("localhost:5000/nginx", { image: "nginx" })).pass).toBe(false);
  });

  it("rules an image out with not", async () => {
    expect((await run("redis", { image: { not: "nginx" } })).pass).toBe(true);
    expect((await run("nginx:1.22", { image: { not: "nginx" } })).errors).toEqual([
      'container web: image expected anything but nginx (any tag), got "nginx:1.22"',
    ]);
  });

  it("refuses a malformed image reference when the lab is loaded", () => {
    expect(() => containerCheck.parse({ type: "container", container: "w", image: "Nginx" }, "t")).toThrow(
      /image: invalid reference format: repository name \(library\/Nginx\) must be lowercase/,
    );
  });
});

describe("container check: absence and exactness", () => {
  it("takes { not } on scalar fields", async () => {
    expect(
      (
        await run("nginx", {
          state: { not: "exited" },
          exitCode: { not: 1 },
          restartPolicy: { not: "no" },
          env: { MODE: { not: "prod" } },
        })
      ).pass,
    ).toBe(true);
    expect(
      (await run("nginx", { state: { not: "running" }, restartPolicy: { not: "always" } })).errors,
    ).toEqual([
      'container web: State.Status expected anything but "running", got "running"',
      'container web: HostConfig.RestartPolicy.Name expected anything but "always", got "always"',
    ]);
  });

  it("says a network must not be there, or exactly which are", async () => {
    expect((await run("nginx", { networks: { not: ["bridge"] } })).pass).toBe(true);
    expect((await run("nginx", { networks: { exactly: ["appnet"] } })).pass).toBe(true);
    const r = await run("nginx", { networks: { not: ["appnet"], exactly: ["appnet", "bridge"] } });
    expect(r.errors).toEqual([
      'container web: networks expected not to include "appnet", got ["appnet"]',
      'container web: networks expected exactly ["appnet","bridge"], got ["appnet"]',
    ]);
  });

  it("checks that no ports, or exactly these, are published", async () => {
    expect((await run("nginx", { ports: { exactly: [{ container: "80", host: 8080 }] } })).pass).toBe(true);
    expect((await run("nginx", { ports: { exactly: [] } })).errors).toEqual([
      "container web: published ports expected to be exactly [], but 80/tcp is published too",
    ]);
    expect((await run("nginx", { ports: { not: [{ container: "80" }] } })).errors).toEqual([
      "container web: port 80/tcp expected not to be published, but it is",
    ]);
    expect((await run("nginx", { ports: { not: [{ container: "80", host: 9090 }] } })).pass).toBe(true);
  });

  it("sees the ports of a stopped container in its configuration", async () => {
    const stopped = {
      State: { Status: "exited", ExitCode: 0 },
      NetworkSettings: { Networks: {}, Ports: {} },
      HostConfig: { PortBindings: { "53/udp": [{ HostIp: "", HostPort: "" }] } },
    };
    expect((await run("nginx", { ports: { exactly: [] } }, stopped)).errors).toEqual([
      "container web: published ports expected to be exactly [], but 53/udp is published too",
    ]);
    expect((await run("nginx", { ports: [{ container: "53/udp" }] }, stopped)).pass).toBe(true);
  });

  it("gives the meant branch's message for a bad value", () => {
    const parse = (raw: object) => () =>
      containerCheck.parse({ type: "container", container: "w", ...raw }, "t");
    expect(parse({ state: "up" })).toThrow(/state: Invalid option: expected one of "created"/);
    expect(parse({ state: { not: "up" } })).toThrow(/state\.not: Invalid option/);
    expect(parse({ networks: { none: [] } })).toThrow(/networks\.none: unknown field "none"/);
    expect(parse({ ports: [{ container: "http" }] })).toThrow(/ports\.0\.container: expected a port such as/);
  });
});
