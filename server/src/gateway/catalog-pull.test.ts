import { describe, expect, it } from "vitest";
import { classify } from "./api-route.ts";
import { catalogPullRewrite } from "./catalog-pull.ts";
import { pathSummary } from "./summary/path-summary.ts";

const HUB_DOWN = JSON.stringify({
  message:
    'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.11:53: no such host',
});
const catalog = () => ["busybox", "nginx"];

function rewriteFor(target: string, offline = true) {
  const call = classify("POST", target);
  if (!call) throw new Error(`unclassified ${target}`);
  return catalogPullRewrite(call, pathSummary(call.bare, call.query).image, offline ? catalog : undefined);
}
const answer = (target: string, status: number, body: string) =>
  rewriteFor(target)?.(status, Buffer.from(body))?.toString();

describe("a pull the offline catalog cannot serve", () => {
  it("names the catalog instead of Docker Hub's DNS failure", () => {
    const text = answer("/v1.41/images/create?fromImage=busybx&tag=latest", 500, HUB_DOWN);
    expect(JSON.parse(text ?? "{}")).toEqual({
      message:
        'slipway: "busybx:latest" is not in this sandbox\'s image catalog, and the sandbox is offline. ' +
        "Images you can pull: busybox, nginx",
    });
    expect(answer("/images/create?fromImage=docker.io%2Flibrary%2Fbusybx&tag=1", 404, HUB_DOWN)).toContain(
      '\\"docker.io/library/busybx:1\\"',
    );
    expect(answer("/images/create?fromImage=team%2Ftool&tag=1", 500, HUB_DOWN)).toContain("team/tool:1");
  });

  it("leaves every other answer as the engine sent it", () => {
    const pull = "/images/create?fromImage=busybx&tag=latest";
    expect(answer(pull, 200, HUB_DOWN)).toBeUndefined();
    expect(answer(pull, 500, '{"message":"no space left on device"}')).toBeUndefined();
    // Another registry's failure is that registry's: the learner named it.
    expect(rewriteFor("/images/create?fromImage=localhost%3A5000%2Ftool&tag=1")).toBeUndefined();
    expect(rewriteFor("/images/create?fromImage=ghcr.io%2Fx%2Fy&tag=1")).toBeUndefined();
    // Not a pull: an import (fromSrc), a build, a create.
    expect(rewriteFor("/images/create?fromSrc=-&repo=busybx")).toBeUndefined();
    expect(rewriteFor("/build?t=busybx")).toBeUndefined();
    expect(rewriteFor("/containers/create?name=busybx")).toBeUndefined();
  });

  it("rewrites nothing when the mirror pulls through from an upstream", () => {
    expect(rewriteFor("/images/create?fromImage=busybx&tag=latest", false)).toBeUndefined();
  });
});
