// A mistyped image offline (`docker pull busybx`): the engine's own answer is a DNS failure
// for Docker Hub, which reads like a broken network. The gateway says instead that the name
// is not in the sandbox's catalog and lists what is, and changes nothing else: a catalog
// name still pulls, and another failed pull's answer arrives byte for byte as the engine sent it.
import { request } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogRepositories } from "../server/src/labs/image-catalog.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const S = "/run/slipway/docker.sock";

/** The engine's own answer to a call, straight from its socket: status and body. */
function direct(conn: Duplex, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ method, path, createConnection: () => conn as Socket }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("pulling a name the catalog does not hold, offline", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  const run = (script: string) => t.exec(s, `cd /home/learner\n${script}`, 180_000);

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  const notInCatalog = (stderr: string, image: string) => {
    expect(stderr).toContain(`slipway: "${image}" is not in this sandbox's image catalog`);
    // The list is the catalog's, whole.
    expect(stderr).toContain(`Images you can pull: ${catalogRepositories().join(", ")}`);
    expect(stderr).not.toMatch(/registry-1\.docker\.io|no such host/);
  };

  it("`docker pull busybx` names the catalog instead of a DNS failure", async () => {
    const r = await run("docker pull busybx");
    expect(r.exitCode).not.toBe(0);
    notInCatalog(r.stderr, "busybx:latest");
  });

  it("`docker run busybx` says the same after it finds no such image locally", async () => {
    const r = await run("docker run --rm busybx:1.0 true");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("Unable to find image 'busybx:1.0' locally");
    notInCatalog(r.stderr, "busybx:1.0");
  });

  it("still pulls a name in the catalog", async () => {
    const r = await run("docker pull -q busybox:1.36 && docker image inspect -f ok busybox:1.36");
    expect(r.stdout.trim().split("\n")).toEqual(["docker.io/library/busybox:1.36", "ok"]);
  });

  // A Docker Hub name with a bad tag (the engine refuses it before any registry, and the
  // gateway reads that answer whole to decide), and another registry's name (not read at all).
  it.each([
    ["/v1.41/images/create?fromImage=busybx&tag=-bad", "a bad tag"],
    ["/v1.41/images/create?fromImage=localhost%3A5999%2Fnothing&tag=latest", "another registry"],
  ])("passes the engine's answer to %s (%s) through exactly", async (path) => {
    const viaGateway = await run(`curl -s -w '\\n%{http_code}' --unix-socket ${S} -X POST 'http://d${path}'`);
    const engine = await direct(await t.driver.connectEngine(t.app.sessions.ready(s.id)), "POST", path);
    expect(engine.status).toBeGreaterThanOrEqual(400);
    expect(viaGateway.stdout).toBe(`${engine.body}\n${engine.status}`);
  });
});
