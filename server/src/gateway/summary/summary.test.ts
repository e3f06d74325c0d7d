import { describe, expect, it } from "vitest";
import { parseEngineJson } from "../policy/engine-json.ts";
import { GoQuery } from "../policy/go-query.ts";
import { bodySummary } from "./body-summary.ts";
import { containerFlags } from "./container-flags.ts";
import { pathSummary } from "./path-summary.ts";

const q = (s = "") => GoQuery.parse(s);

describe("container flags", () => {
  it("names what `docker run -d --name analytics --memory 200m -p 8080:80 -v data:/d -e A=1 --restart always --network app` implies", () => {
    const body = parseEngineJson(
      JSON.stringify({
        Image: "python",
        Env: ["A=1"],
        AttachStdout: false,
        AttachStderr: false,
        HostConfig: {
          Memory: 209715200,
          PortBindings: { "80/tcp": [{ HostPort: "8080" }] },
          Binds: ["data:/d"],
          RestartPolicy: { Name: "always" },
          NetworkMode: "app",
          LogConfig: { Type: "", Config: {} },
          PidsLimit: null,
        },
      }),
    );
    expect(containerFlags(body).sort()).toEqual(
      [
        "-d",
        "--detach",
        "-e",
        "--env",
        "-m",
        "--memory",
        "-p",
        "--publish",
        "-v",
        "--volume",
        "--restart",
        "--network",
        "--net",
      ].sort(),
    );
  });

  it("does not report the CLI's defaults as flags", () => {
    const defaults = parseEngineJson(
      '{"Image":"busybox","AttachStdout":true,"AttachStderr":true,"Entrypoint":null,"HostConfig":{"NetworkMode":"default","RestartPolicy":{"Name":"no"},"LogConfig":{"Type":""},"IpcMode":"","CgroupnsMode":""}}',
    );
    expect(containerFlags(defaults)).toEqual([]);
    expect(
      containerFlags(
        parseEngineJson('{"Tty":true,"OpenStdin":true,"AttachStdin":true,"HostConfig":{"AutoRemove":true}}'),
      ),
    ).toEqual(["-i", "--interactive", "-t", "--tty", "--rm"]);
  });
});

describe("call summaries", () => {
  it("reads names and images off paths and queries", () => {
    expect(pathSummary("/containers/web/stop", q())).toEqual({ name: "web", flags: [] });
    expect(pathSummary("/containers/json", q("all=1"))).toEqual({ flags: [] });
    expect(pathSummary("/images/create", q("fromImage=busybox&tag=latest"))).toEqual({
      image: "busybox:latest",
      flags: [],
    });
    expect(pathSummary("/images/localhost:5000/app/push", q("tag=1"))).toEqual({
      image: "localhost:5000/app:1",
      flags: [],
    });
    expect(pathSummary("/images/nginx:1.27", q())).toEqual({ image: "nginx:1.27", flags: [] });
    expect(pathSummary("/build", q("t=app:1&t=app:latest"))).toEqual({ image: "app:1", flags: [] });
    expect(pathSummary("/volumes/prune", q())).toEqual({ flags: [] });
  });

  it("names what the engine will act on when a query is odd (pairs Go skips, + and escapes)", () => {
    expect(pathSummary("/images/create", q("fromImage=busybox;x&fromImage=nginx"))).toEqual({
      image: "nginx",
      flags: [],
    });
    expect(pathSummary("/images/create", q("fromImage=%zz&from%49mage=redis&tag=7"))).toEqual({
      image: "redis:7",
      flags: [],
    });
    expect(pathSummary("/build", q("t=my+app"))).toEqual({ image: "my app", flags: [] });
  });

  it("reads the body of calls the gateway parsed", () => {
    const create = parseEngineJson('{"Image":"nginx","HostConfig":{"Memory":1}}');
    expect(bodySummary("container-create", create, { flags: [] }, q("name=web"))).toMatchObject({
      image: "nginx",
      name: "web",
    });
    const exec = parseEngineJson('{"AttachStdin":true,"AttachStdout":true,"Tty":true,"Cmd":["sh"]}');
    expect(bodySummary("exec-create", exec, { name: "web", flags: [] }, q())).toEqual({
      name: "web",
      flags: ["-i", "--interactive", "-t", "--tty"],
    });
    const service = parseEngineJson(
      '{"Name":"web","Mode":{"Replicated":{"Replicas":3}},"TaskTemplate":{"ContainerSpec":{"Image":"nginx:latest@sha256:abcdef0123"},"Networks":[{"Target":"mesh"}]}}',
    );
    expect(bodySummary("service-create", service, { flags: [] }, q())).toEqual({
      name: "web",
      image: "nginx:latest",
      flags: ["--replicas", "--network"],
    });
    const net = parseEngineJson('{"Name":"mesh","Driver":"overlay","Attachable":true}');
    expect(bodySummary("network-create", net, { flags: [] }, q())).toEqual({
      name: "mesh",
      flags: ["-d", "--driver", "--attachable"],
    });
  });
});
