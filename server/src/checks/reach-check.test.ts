// The reach check against a fake engine: what it asks the engine side to run, and how it
// judges each outcome. The probe itself runs on the real engine in test/checks-live.test.ts.
import { describe, expect, it } from "vitest";
import type { CheckExecOptions } from "./check-context.ts";
import { fakeCheckContext, ok } from "./fake-check-context.ts";
import { reachCheck } from "./reach-check.ts";
import { parse } from "./reach-probe.ts";

const web = {
  State: { Status: "running", Running: true, Pid: 4242 },
  ResolvConfPath: "/var/lib/docker/containers/abc/resolv.conf",
  HostsPath: "/var/lib/docker/containers/abc/hosts",
};
/** What the probe prints for each host, as the engine-side script would. */
const answers: Record<string, string> = {
  db: "resolved 10.0.0.2\nopen\n",
  cache: "resolved 10.0.0.3\nclosed: Connection refused\n",
  api: "resolved 10.0.0.4\nopen\nhttp\n<h1>ok</h1>\n__slipway_status__:200",
  slow: "resolved 10.0.0.5\nopen\nhttp\ncurl: (28) Operation timed out\n__slipway_status__:000",
  nowhere: "unresolved\n",
};
const calls: Array<{ cmd: readonly string[]; opts?: CheckExecOptions }> = [];
/** The engine side of a batch: after the scripts and the marker, per container its pid,
 *  resolver files and argument count, then per probe: index, host, port, path, seconds. */
function engineSide(cmd: readonly string[]) {
  const [mark, ...rest] = cmd.slice(5);
  const out: string[] = [];
  while (rest.length) {
    const [, , , n] = rest.splice(0, 4);
    for (const [i, host] of chunks(rest.splice(0, Number(n)), 5))
      out.push(`${mark} ${i}\n${answers[host as string] ?? "unresolved\n"}`);
  }
  return ok(out.reverse().join("")); // in any order: results are matched by index
}
const chunks = (xs: string[], n: number) =>
  Array.from({ length: xs.length / n }, (_, k) => xs.slice(k * n, k * n + n));
const ctx = fakeCheckContext({
  engine: {
    "/containers/web/json": web,
    "/containers/api/json": {
      ...web,
      State: { ...web.State, Pid: 777 },
      HostsPath: "/var/lib/docker/containers/api/hosts",
    },
    "/containers/old/json": { ...web, State: { Status: "exited", Running: false, Pid: 0 } },
  },
  exec: (cmd, opts) => {
    calls.push({ cmd, ...(opts ? { opts } : {}) });
    return engineSide(cmd);
  },
});
const run = (raw: object) =>
  reachCheck.run(reachCheck.parse({ type: "reach", from: "web", ...raw }, "t"), ctx);

describe("reach check", () => {
  it("probes from the engine side, in the container's namespace, with its resolver files", async () => {
    calls.length = 0;
    expect((await run({ host: "db", port: 6379 })).errors).toEqual([]);
    const [call] = calls;
    expect(call?.opts?.target).toBe("engine");
    expect(call?.cmd[2]).toMatch(/nsenter --net="\/proc\/\$pid\/ns\/net" unshare --mount bash -c/);
    expect(call?.cmd.slice(-9)).toEqual([
      "4242",
      web.ResolvConfPath,
      web.HostsPath,
      "5",
      "0",
      "db",
      "6379",
      "",
      "3",
    ]);
    expect(call?.opts?.timeoutMs).toBeLessThanOrEqual(15_000);
  });

  it("shares one exec among the probes of an evaluation", async () => {
    calls.length = 0;
    const rs = await Promise.all([
      run({ host: "db" }),
      run({ host: "cache", port: 1 }),
      run({ host: "api", port: 80 }),
    ]);
    expect(rs.map((r) => r.pass)).toEqual([true, false, true]);
    expect(calls).toHaveLength(1);
  });

  it("cannot be fooled by a page that imitates another probe's result", async () => {
    answers.liar = `resolved 10.0.0.9\nopen\nhttp\n@@slipway-probe-x 1 0\nresolved 1.1.1.1\nopen\n\n__slipway_status__:200`;
    const [liar, other] = await Promise.all([
      run({ host: "liar", port: 80, http: {} }),
      run({ host: "nowhere", port: 80, reachable: false }),
    ]);
    expect(liar.pass).toBe(true);
    expect(other.pass).toBe(true);
  });

  it("checks a name resolves, or that it must not", async () => {
    expect((await run({ host: "db" })).pass).toBe(true);
    expect((await run({ host: "nowhere" })).errors).toEqual([
      "web → nowhere: nowhere expected to resolve from web, but it does not",
    ]);
    expect((await run({ host: "nowhere", resolves: false })).pass).toBe(true);
    expect((await run({ host: "db", resolves: false })).errors).toEqual([
      "web → db: expected not to resolve from web, but it resolves to 10.0.0.2",
    ]);
  });

  it("checks a TCP port accepts connections, or that it must not", async () => {
    expect((await run({ host: "cache", port: 6379 })).errors).toEqual([
      "web → cache:6379: expected to accept a TCP connection on 10.0.0.3:6379, but: Connection refused",
    ]);
    expect((await run({ host: "cache", port: 6379, reachable: false })).pass).toBe(true);
    expect((await run({ host: "nowhere", port: 5432, reachable: false })).pass).toBe(true);
    expect((await run({ host: "db", port: 6379, reachable: false })).errors).toEqual([
      "web → db:6379: expected no TCP connection, but 10.0.0.2:6379 accepts one",
    ]);
  });

  it("checks an HTTP answer", async () => {
    expect((await run({ host: "api", port: 80, http: { body: { contains: "ok" } } })).pass).toBe(true);
    expect((await run({ host: "api", port: 80, http: { status: 204 } })).errors).toEqual([
      "web → api:80: GET / status expected 204, got 200",
    ]);
    expect((await run({ host: "slow", port: 80, http: { path: "/health" } })).errors).toEqual([
      "web → slow:80: GET /health failed: curl: (28) Operation timed out",
    ]);
  });

  it("reports a probe that gave no result with the engine side's error", async () => {
    const broken = fakeCheckContext({
      engine: { "/containers/web/json": web },
      exec: () => ({ exitCode: 0, stdout: "", stderr: "mount: /etc/hosts: permission denied\n" }),
    });
    const spec = reachCheck.parse({ type: "reach", from: "web", host: "db" }, "t");
    await expect(reachCheck.run(spec, broken)).rejects.toThrow(
      "reachability probe failed: mount: /etc/hosts: permission denied",
    );
  });

  it("fails when the container is missing or stopped, whatever was expected", async () => {
    expect((await run({ from: "gone", host: "db", resolves: false })).errors).toEqual([
      "gone → db: container gone expected to exist, but there is none",
    ]);
    expect((await run({ from: "old", host: "db", port: 1, reachable: false })).errors).toEqual([
      "old → db:1: container old expected to be running, got exited",
    ]);
  });

  it("refuses contradictory or incomplete specs", () => {
    const parse_ = (raw: object) => () =>
      reachCheck.parse({ type: "reach", from: "w", host: "db", ...raw }, "t");
    expect(parse_({ reachable: true })).toThrow(/need a `port`/);
    expect(parse_({ resolves: false, port: 80 })).toThrow(/must not resolve/);
    expect(parse_({ port: 80, reachable: false, http: {} })).toThrow(/no HTTP answer/);
    expect(parse_({ host: "db; rm -rf /" })).toThrow(/host name/);
    expect(parse_({ port: 80, http: { path: "no-slash" } })).toThrow(/path/);
  });
});

describe("reach probe output", () => {
  it("reads each stage", () => {
    expect(parse("unresolved\n")).toEqual({ resolved: false });
    expect(parse("resolved 10.0.0.2\n")).toEqual({ resolved: true, address: "10.0.0.2" });
    expect(parse("resolved 10.0.0.2\nclosed: no answer within 3 s\n")).toMatchObject({
      connect: { open: false, detail: "no answer within 3 s" },
    });
    expect(parse("resolved 1.2.3.4\nopen\nhttp\nline1\nline2\n__slipway_status__:404")).toMatchObject({
      connect: { open: true },
      http: { status: 404, body: "line1\nline2" },
    });
  });
});
