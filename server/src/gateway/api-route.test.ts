import { describe, expect, it } from "vitest";
import { classify } from "./api-route.ts";

const handling = (method: string, target: string) => classify(method, target)?.handling;

describe("classify", () => {
  it("finds the calls that carry policy, with or without a version prefix", () => {
    expect(handling("POST", "/v1.41/containers/create?name=web")).toEqual({
      kind: "body",
      policy: "container-create",
    });
    expect(handling("POST", "/containers/web/start")).toEqual({ kind: "body", policy: "container-start" });
    expect(handling("POST", "/v1.41/containers/a1b2/exec")).toEqual({ kind: "body", policy: "exec-create" });
    expect(handling("POST", "/v1.41/services/web/update?version=12")).toEqual({
      kind: "body",
      policy: "service-update",
    });
    expect(handling("POST", "/v1.41/plugins/vieux/sshfs:latest/enable")).toEqual({
      kind: "route",
      policy: "plugin-change",
    });
    expect(handling("POST", "/v1.41/plugins/pull?remote=vieux/sshfs")).toEqual({
      kind: "route",
      policy: "plugin-install",
    });
    expect(handling("POST", "/v1.41/swarm/join")).toEqual({ kind: "route", policy: "swarm-join" });
    expect(handling("POST", "/build?t=app")).toEqual({ kind: "route", policy: "build" });
    expect(handling("POST", "/v1.41/grpc")).toEqual({ kind: "route", policy: "buildkit-api" });
  });

  it("streams everything else", () => {
    for (const [m, t] of [
      ["GET", "/v1.41/containers/json"],
      ["POST", "/v1.41/images/load"],
      ["GET", "/containers/create"],
      ["POST", "/v1.41/containers/web/attach?stream=1"],
      ["POST", "/v1.41/exec/abc/start"],
    ] as const)
      expect(handling(m, t)).toEqual({ kind: "stream" });
  });

  it("sees through encoding, dot segments and doubled slashes as the engine would", () => {
    for (const t of [
      "/containers%2Fcreate",
      "/containers/%63reate",
      "/v1.41//containers/create",
      "/v1.41/x/../containers/create",
      "/containers/create/",
      "/v1.41/./containers/create",
    ])
      expect(handling("POST", t)).toEqual({ kind: "body", policy: "container-create" });
  });

  it("refuses targets the engine would not route", () => {
    expect(classify("POST", "http://docker/containers/create")).toBeUndefined();
    expect(classify("POST", "/containers/%zz/start")).toBeUndefined();
    expect(classify("OPTIONS", "*")).toBeUndefined();
  });

  it("knows which endpoints the engine hijacks", () => {
    expect(classify("POST", "/v1.41/containers/web/attach?stream=1&stdin=1")?.upgradable).toBe(true);
    expect(classify("POST", "/v1.41/exec/0123/start")?.upgradable).toBe(true);
    expect(classify("POST", "/session")?.upgradable).toBe(true);
    expect(classify("POST", "/grpc")?.upgradable).toBe(true);
    expect(classify("POST", "/v1.41/containers/create")?.upgradable).toBe(false);
  });

  it("keeps the query and the bare path", () => {
    const call = classify("POST", "/v1.41/images/create?fromImage=busybox&tag=latest");
    expect(call?.bare).toBe("/images/create");
    expect(call?.query.get("fromImage")).toBe("busybox");
    // Parsed as the engine's Go does: a pair with a semicolon is skipped, not split.
    expect(classify("POST", "/build?t=a;cgroupparent=/")?.query.skipped).toEqual(["t=a;cgroupparent=/"]);
  });
});
