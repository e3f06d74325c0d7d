// Lab checker code that goes wrong, run for real: each fixture in
// test/fixtures/labs/script-lab/checks does one thing a checker must not be able to do to
// the server, and each must end as a failed CheckResult with the server (this test worker)
// unharmed.
import { spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fakeCheckContext, ok, type FakeState } from "../fake-check-context.ts";
import { createScriptCheck } from "../script-check.ts";
import { ScriptRunner } from "./script-runner.ts";

const runner = new ScriptRunner();
afterAll(() => runner.close());
const scriptCheck = createScriptCheck(() => runner);
const labDir = resolve(import.meta.dirname, "../../../../test/fixtures/labs/script-lab");
const run = (script: string, extra: object = {}, state: FakeState = {}) =>
  scriptCheck.run(
    scriptCheck.parse({ type: "script", script: `checks/${script}`, ...extra }, "t"),
    fakeCheckContext(state, labDir),
  );
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// Generous test timeouts: on a busy machine starting node alone can take a second.
describe("a hostile or broken checker", { timeout: 60_000 }, () => {
  it("that throws fails with its message", async () => {
    const r = await run("throws.ts");
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual([
      "script checks/throws.ts: threw Error: boom: undefined is not a port (at checks/throws.ts:3:9)",
    ]);
  });

  it("that calls process.exit fails, and the server keeps running", async () => {
    const r = await run("exits.ts");
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual(["script checks/exits.ts: exited (code 0) before returning a result"]);
  });

  it("that blocks its event loop is killed at the spec's timeout", async () => {
    let pid = 0;
    const exec = (cmd: readonly string[]) => ((pid = Number(cmd[1])), ok());
    const start = Date.now();
    const r = await run("spins.ts", { timeoutMs: 5000 }, { exec });
    expect(r.errors).toEqual(["script checks/spins.ts: timed out after 5000 ms"]);
    expect(Date.now() - start).toBeLessThan(15_000);
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(process.pid);
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });

  it("that allocates without bound on the heap is stopped at the memory cap", async () => {
    const r = await run("allocates.ts", { args: { kind: "heap" }, timeoutMs: 20_000 });
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual([
      "script checks/allocates.ts: ran out of memory (its heap is capped at 128 MiB)",
    ]);
  });

  it("that fills Buffers (off the heap) is stopped at the memory cap", async () => {
    const r = await run("allocates.ts", { args: { kind: "buffers" }, timeoutMs: 20_000 });
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual(["script checks/allocates.ts: ran out of memory (used over 256 MiB)"]);
  });

  it("cannot read the server's files, e.g. the session database in the state dir", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "slipway-state-"));
    writeFileSync(join(stateDir, "slipway.db"), "secret session tokens");
    const r = await run("reads-file.ts", { args: { path: join(stateDir, "slipway.db") } });
    expect(r.pass).toBe(false);
    expect(r.errors).toEqual([
      `script checks/reads-file.ts: threw ERR_ACCESS_DENIED: reading ${join(stateDir, "slipway.db")} is not allowed; ` +
        "a checker reads the sandbox through ctx (readFile, exec) (at checks/reads-file.ts:6:10)",
    ]);
  });

  // Node's permission model does not cover sockets: a root checker could reach the host's
  // engine (root on the host) or a loopback service such as the mirror's push listener.
  it.runIf(process.getuid?.() === 0)("cannot reach the host's sockets, unix or TCP", async () => {
    const server = createServer((c) => c.destroy());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const unixDir = mkdtempSync(join(tmpdir(), "slipway-sock-"));
    const unixServer = createServer((c) => c.destroy());
    await new Promise<void>((r) => unixServer.listen(join(unixDir, "host.sock"), r));
    try {
      const tcp = await run("connects.ts", { args: { port: (server.address() as AddressInfo).port } });
      expect(tcp.pass).toBe(false);
      expect(tcp.errors.join()).toMatch(/ECONNREFUSED|ENETUNREACH/);
      const unix = await run("connects.ts", { args: { path: join(unixDir, "host.sock") } });
      expect(unix.pass).toBe(false);
      expect(unix.errors.join()).toMatch(/EACCES|ERR_ACCESS_DENIED/);
    } finally {
      server.close();
      unixServer.close();
    }
  });

  it("cannot write outside its run folder, but may write in it (its working directory)", async () => {
    const target = join(mkdtempSync(join(tmpdir(), "slipway-outside-")), "planted");
    const r = await run("writes-file.ts", { args: { path: target } });
    expect(r.pass).toBe(false);
    expect(r.errors.join()).toMatch(/writing .*planted is not allowed/);
    expect(existsSync(target)).toBe(false);
    expect((await run("writes-file.ts", { args: { path: "note.txt" } })).pass).toBe(true);
  });

  it("cannot start a process or a worker unless its spec allows it", async () => {
    const denied = await run("spawns.ts");
    expect(denied.pass).toBe(false);
    expect(denied.errors.join()).toMatch(
      /starting a process is not allowed unless the check sets allowChildProcess/,
    );
    const noWorker = await run("spawns.ts", { args: { worker: true } });
    expect(noWorker.errors.join()).toMatch(
      /starting a worker thread is not allowed unless the check sets allowWorker/,
    );
    expect((await run("spawns.ts", { allowChildProcess: true })).pass).toBe(true);
    expect((await run("spawns.ts", { allowWorker: true, args: { worker: true } })).pass).toBe(true);
  });

  it("cannot send signals, e.g. kill the server, unless it may start processes", async () => {
    // A stand-in for the server: the real one is this test's own process.
    const server = spawn("sleep", ["60"], { stdio: "ignore" });
    try {
      const r = await run("signals.ts", { args: { pid: server.pid } });
      expect(r.errors).toEqual([
        "script checks/signals.ts: threw ERR_ACCESS_DENIED: sending signals is not allowed unless " +
          "the check sets allowChildProcess: true (at checks/signals.ts:3:11)",
      ]);
      expect(server.exitCode === null && server.signalCode === null).toBe(true);
      expect(alive(server.pid as number)).toBe(true);
    } finally {
      server.kill();
    }
  });
});
