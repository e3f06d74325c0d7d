// The gateway's HTTP handling against a stand-in engine: forwarding, refusals, hijacks and
// every way a client can misbehave. The real engine is exercised in test/gateway-*.test.ts.
import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../common/audit-entry.ts";
import { EngineGateway } from "./engine-gateway.ts";
import { type FakeEngine, startFakeEngine } from "./fake-engine.test-helper.ts";
import type { Allowances } from "./policy/allowances.ts";

const REF = { id: "s1", engine: "e", workstation: "w" };

describe("engine gateway", () => {
  let engine: FakeEngine;
  let gateway: EngineGateway;
  let socket: string;
  let allowingSocket: string;
  const trail: AuditEntry[] = [];
  const errors: unknown[] = [];
  // Session s2's lab allows bind mounts and BuildKit's /grpc API.
  const policies: Record<string, Allowances> = { s2: new Set(["bind-mount", "buildkit-api"]) };
  const resolved: string[][] = [];

  beforeAll(async () => {
    engine = await startFakeEngine();
    gateway = new EngineGateway({
      connectEngine: () => engine.connect(),
      onActivity: () => undefined,
      policyFor: async (id) => policies[id] ?? new Set(),
      resolveEnginePaths: async (_ref, paths) => {
        resolved.push([...paths]);
        return { paths: paths.map((p) => (p.endsWith("/link") ? "/" : p)), pinned: true };
      },
      record: (_id, e) => trail.push(e),
      onError: (_id, e) => errors.push(e),
      limits: { maxBodyBytes: 4096, maxHeaderBytes: 2048, headersTimeoutMs: 300, bodyTimeoutMs: 300 },
    });
    const dir = mkdtempSync(join(tmpdir(), "slipway-gw-"));
    await gateway.open(REF, join(dir, "s1"));
    await gateway.open({ ...REF, id: "s2" }, join(dir, "s2"));
    socket = EngineGateway.socketPath(join(dir, "s1"));
    allowingSocket = EngineGateway.socketPath(join(dir, "s2"));
  });
  afterAll(async () => {
    gateway.closeAll();
    await engine.close();
  });

  const call = (method: string, path: string, body?: string, socketPath = socket) =>
    new Promise<{ status: number; body: string; headers: string[] }>((resolve, reject) => {
      const req = request(
        { socketPath, method, path, headers: { "Content-Type": "application/json" } },
        (res) => {
          let text = "";
          res.on("data", (c: Buffer) => (text += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.rawHeaders }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  /** Raw bytes in, everything the gateway answers until it closes (or `waitMs` passes). */
  const raw = (bytes: string | Buffer, waitMs = 2000, socketPath = socket) =>
    new Promise<string>((resolve) => {
      const s = connect(socketPath);
      let out = "";
      s.on("data", (c: Buffer) => (out += c.toString("latin1")));
      s.on("error", () => undefined);
      s.on("close", () => resolve(out));
      setTimeout(() => (s.destroy(), resolve(`${out}<still open>`)), waitMs);
      s.write(bytes);
    });
  const last = () => trail[trail.length - 1];

  it("forwards calls and keeps the engine's headers", async () => {
    const r = await call("GET", "/v1.41/version");
    expect(r.status).toBe(200);
    expect(r.headers).toEqual(
      expect.arrayContaining(["Api-Version", "1.41", "Docker-Experimental", "false"]),
    );
    expect(last()).toMatchObject({ method: "GET", path: "/v1.41/version", status: 200 });
  });

  it("refuses a privileged create like the engine, records it, and never forwards it", async () => {
    const before = engine.seen.length;
    const r = await call(
      "POST",
      "/v1.41/containers/create?name=x",
      '{"Image":"busybox","HostConfig":{"Privileged":true}}',
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({
      message: "slipway policy: --privileged is not allowed in this lab",
    });
    expect(engine.seen.length).toBe(before);
    expect(last()).toMatchObject({
      status: 403,
      summary: {
        image: "busybox",
        name: "x",
        denied: "slipway policy: --privileged is not allowed in this lab",
      },
    });
  });

  it("passes an allowed create with the body as sent, and summarises it", async () => {
    const body = '{"Image":"nginx","HostConfig":{"Memory":20971520,"Binds":["/home/learner/site:/s"]}}';
    const r = await call("POST", "/v1.41/containers/create?name=web", body);
    expect(r.status).toBe(201);
    expect(JSON.parse(r.body).echo).toBe(body);
    expect(resolved.at(-1)).toEqual(["/home/learner/site"]);
    expect(last()?.summary).toMatchObject({ image: "nginx", name: "web" });
    expect(last()?.summary.flags).toEqual(expect.arrayContaining(["-m", "--memory", "-v", "-d"]));
  });

  it("follows the engine's view of a bind source, and lets a lab allow it", async () => {
    const body = '{"Image":"busybox","HostConfig":{"Binds":["/home/learner/link:/host"]}}';
    expect((await call("POST", "/containers/create", body)).status).toBe(403);
    expect((await call("POST", "/containers/create", body, allowingSocket)).status).toBe(201);
  });

  it("answers malformed, oversized and unfinished requests, then drops them", async () => {
    expect(await raw("THIS IS NOT HTTP\r\n\r\n")).toMatch(/^HTTP\/1.1 400 [^]*malformed request/);
    expect(await raw(`GET /_ping HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(4096)}\r\n\r\n`)).toMatch(
      /^HTTP\/1.1 431 /,
    );
    const big = `{"Image":"${"a".repeat(5000)}"}`;
    expect(
      await raw(`POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: ${big.length}\r\n\r\n${big}`),
    ).toMatch(/^HTTP\/1.1 413 /);
    expect(await raw("GET /_ping HTTP/1.1\r\nHost: x\r\n")).toMatch(
      /^HTTP\/1.1 408 [^]*did not arrive in time/,
    );
    expect(await raw("POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")).toMatch(
      /^HTTP\/1.1 408 [^]*request body did not arrive/,
    );
    expect(
      await raw('POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n{"a":1,}x'),
    ).toMatch(/^HTTP\/1.1 400 [^]*not valid JSON/);
    expect(
      await raw("POST http://docker/containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"),
    ).toMatch(/^HTTP\/1.1 400 /);
    expect(
      trail.filter((e) => e.status === 431 || e.status === 408 || e.status === 413).length,
    ).toBeGreaterThanOrEqual(4);
    // And the gateway still serves.
    expect((await call("GET", "/_ping")).status).toBe(200);
  });

  it("does not stall other connections while one request hangs", async () => {
    const stuck = connect(socket);
    stuck.on("error", () => undefined);
    stuck.write("POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{");
    const t0 = Date.now();
    expect((await call("GET", "/_ping")).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(200);
    stuck.destroy();
  });

  it("records a client that leaves mid-body as 499, without a gateway error", async () => {
    const gone = connect(socket);
    gone.on("error", () => undefined);
    gone.write("POST /v1.41/containers/create?name=left HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{");
    await new Promise((r) => setTimeout(r, 50));
    gone.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect(trail.find((e) => e.path.endsWith("name=left"))).toMatchObject({ status: 499 });
    expect(errors).toEqual([]);
  });

  it("streams an endless response as it comes", async () => {
    const first = await new Promise<string>((resolve) => {
      const req = request({ socketPath: socket, path: "/v1.41/events" }, (res) => {
        res.once("data", (c: Buffer) => (resolve(c.toString()), req.destroy()));
      });
      req.end();
    });
    expect(first).toBe('{"status":"start"}\n');
    expect(trail.some((e) => e.path === "/v1.41/events" && e.status === 200)).toBe(true);
  });

  it("passes a response head on at once, before any body (docker run waits for it)", async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request({ socketPath: socket, method: "POST", path: "/v1.41/containers/x/wait" }, (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.end();
    });
    expect(status).toBe(200);
  });

  it("hijacks exec start: body first, then stdin both ways with half-close", async () => {
    const body = '{"Detach":false,"Tty":true}';
    const out = await raw(
      `POST /v1.41/exec/abc/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      500,
    );
    expect(out).toMatch(/^HTTP\/1.1 101 UPGRADED\r\n/);
    const s = connect(socket);
    let echoed = "";
    s.on("data", (c: Buffer) => (echoed += c.toString()));
    s.write(
      `POST /v1.41/exec/abc/start HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    await new Promise((r) => setTimeout(r, 100));
    s.end("stdin-data");
    await new Promise((r) => s.on("close", r));
    expect(echoed).toMatch(/101 UPGRADED[^]*stdin-databye\n$/);
    expect(trail.some((e) => e.path === "/v1.41/exec/abc/start" && e.status === 101)).toBe(true);
  });

  it("never lets bytes after a refused upgrade reach the engine (no smuggled request)", async () => {
    const smuggled =
      'POST /containers/create HTTP/1.1\r\nHost: x\r\nContent-Length: 27\r\n\r\n{"HostConfig":{"Privileged":true}}';
    const out = await raw(
      `POST /containers/missing/attach?stream=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n${smuggled}`,
    );
    expect(out).toMatch(/^HTTP\/1.1 404 /);
    expect(engine.afterRefusal).toEqual([]);
  });

  it("refuses an upgrade on an endpoint the engine does not hijack", async () => {
    const before = engine.seen.length;
    const out = await raw(
      'POST /containers/create HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 34\r\n\r\n{"HostConfig":{"Privileged":true}}',
    );
    expect(out).toMatch(/^HTTP\/1.1 400 [^]*cannot be upgraded/);
    expect(engine.seen.length).toBe(before);
  });

  it("refuses form bodies and ambiguous Content-Types on any call, before the engine sees them", async () => {
    const before = engine.seen.length;
    const post = (path: string, headers: string, body = "a=1") =>
      raw(`POST ${path} HTTP/1.1\r\nHost: x\r\n${headers}Content-Length: ${body.length}\r\n\r\n${body}`);
    const form = "Content-Type: application/x-www-form-urlencoded\r\n";
    expect(await post("/v1.41/build?t=f1", form)).toMatch(/^HTTP\/1.1 403 [^]*form bodies are refused/);
    expect(
      await post("/v1.41/images/create?fromImage=x", "Content-Type: Multipart/Form-Data; boundary=b\r\n"),
    ).toMatch(/^HTTP\/1.1 403 /);
    expect(await post("/v1.41/build?t=f2", `Content-Type: application/x-tar\r\n${form}`)).toMatch(
      /^HTTP\/1.1 400 [^]*more than one Content-Type/,
    );
    expect(
      await post("/v1.41/build?t=f3", "Content-Type: appl\xc4\xb0cation/x-www-form-urlencoded\r\n"),
    ).toMatch(/^HTTP\/1.1 400 [^]*not plain ASCII/);
    expect(await post("/v1.41/build?t=f4;cgroupparent=/", "")).toMatch(
      /^HTTP\/1.1 400 [^]*has a ';' or a bad %-escape/,
    );
    expect(engine.seen.length).toBe(before);
    expect(trail.find((e) => e.path === "/v1.41/build?t=f1")).toMatchObject({
      status: 403,
      summary: { image: "f1", denied: expect.stringMatching(/^slipway gateway: form bodies are refused/) },
    });
    // What the docker CLI sends still passes.
    expect(
      (await post("/v1.41/build?t=ok&cgroupparent=", "Content-Type: application/x-tar\r\n")).split(" ")[1],
    ).toBe("200");
  });

  it("forwards duplicate headers as sent, so the engine reads what the gateway judged", async () => {
    const out = await raw(
      "GET /v1.41/info HTTP/1.1\r\nHost: x\r\nX-A: 1\r\nx-a: 2\r\nConnection: close\r\n\r\n",
    );
    const echoed = JSON.parse(out.match(/\{"echo".*\}/)?.[0] ?? "{}") as { headers?: string[] };
    expect(echoed.headers).toEqual(expect.arrayContaining(["X-A", "1", "x-a", "2"]));
  });

  it("hijacks BuildKit's /session, and /grpc only where the lab allows it", async () => {
    const upgrade = (path: string, extra = "", socketPath = socket) =>
      raw(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n${extra}\r\n`,
        300,
        socketPath,
      );
    expect(await upgrade("/session")).toMatch(/^HTTP\/1.1 101 /);
    const before = engine.seen.length;
    expect(await upgrade("/grpc")).toMatch(
      /^HTTP\/1.1 403 [^]*BuildKit's \/grpc API \(buildx, buildctl\) is not allowed/,
    );
    expect(await upgrade("/session", "Content-Type: application/x-www-form-urlencoded\r\n")).toMatch(
      /^HTTP\/1.1 403 /,
    );
    expect(engine.seen.length).toBe(before);
    expect(trail.filter((e) => e.path === "/grpc").map((e) => e.status)).toEqual([403]);
    // Not as an ordinary request either.
    expect((await call("POST", "/v1.41/grpc")).status).toBe(403);
    expect(await upgrade("/grpc", "", allowingSocket)).toMatch(/^HTTP\/1.1 101 /);
  });
});
