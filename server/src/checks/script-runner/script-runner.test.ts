// The runner's own promises, on real processes: every context call reaches the real context
// and its answer comes back intact, each run gets a process of its own, and nothing is left
// behind (run folders, processes) after a run, a cancelled run or close().
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckContext } from "../check-context.ts";
import { fakeCheckContext, ok } from "../fake-check-context.ts";
import { ScriptRunner, type CheckerRun } from "./script-runner.ts";

const labDir = resolve(import.meta.dirname, "../../../../test/fixtures/labs/script-lab");
const spec = (script: string, extra: Partial<CheckerRun> = {}): CheckerRun => ({
  file: resolve(labDir, "checks", script),
  shownFrom: labDir,
  args: {},
  timeoutMs: 10_000,
  allowChildProcess: false,
  allowWorker: false,
  ...extra,
});

/** Checker processes this test process has now (children running node with the permission flag). */
function checkerChildren(): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("-permission");
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

describe("ScriptRunner", { timeout: 60_000 }, () => {
  const runner = new ScriptRunner();
  afterAll(() => runner.close());

  it("answers every context call from the real context, Buffers and missing files included", async () => {
    const seen: unknown[] = [];
    const ctx = fakeCheckContext({
      engine: { "/containers/web/json": { State: { Running: true } } },
      files: { "notes.txt": "hello\n" },
      history: [
        { time: "t", method: "GET", path: "/v1.41/containers/json", status: 200, summary: { flags: [] } },
      ],
      exec: (cmd, opts) => (seen.push({ cmd, opts }), ok(`ran ${cmd.join(" ")}`)),
    });
    const out = await runner.run(spec("echoes-context.ts"), ctx);
    expect(JSON.parse(out.errors[0] as string)).toEqual({
      engine: { status: 200, body: { State: { Running: true } } },
      exec: { exitCode: 0, stdout: "ran cat notes.txt", stderr: "" },
      inContainer: { exitCode: 0, stdout: "ran docker exec web nginx -v", stderr: "" },
      file: "hello\n",
      missing: "undefined",
      history: [
        { time: "t", method: "GET", path: "/v1.41/containers/json", status: 200, summary: { flags: [] } },
      ],
      aborted: false,
    });
    expect(seen[0]).toEqual({
      cmd: ["cat", "notes.txt"],
      opts: { target: "engine", timeoutMs: 2000, stdin: "in" },
    });
  });

  it("keeps the protocol intact when the checker prints, and ignores a forged verdict", async () => {
    expect(await runner.run(spec("noisy.ts"), fakeCheckContext({ exec: () => ok() }))).toEqual({
      pass: true,
      errors: [],
    });
  });

  it("says what is wrong with a checker that cannot run", async () => {
    expect((await runner.run(spec("no-export.ts"), fakeCheckContext())).errors).toEqual([
      "does not export a check(ctx, args) function",
    ]);
    expect((await runner.run(spec("missing.ts"), fakeCheckContext())).errors[0]).toMatch(
      /^could not be bundled|Could not resolve/,
    );
  });

  it("gives each of several checks at once a process of its own", async () => {
    const pids = new Set<string>();
    const ctx = fakeCheckContext({ exec: (cmd) => (pids.add(cmd[1] as string), ok()) });
    const run = () => runner.run(spec("spins.ts", { args: { spin: false } }), ctx);
    const outs = await Promise.all([run(), run(), run(), run()]);
    expect(outs).toEqual(Array(4).fill({ pass: true, errors: [] }));
    expect(pids.size).toBe(4);
    expect(pids.has(String(process.pid))).toBe(false);
  });

  it("stops a run when the context's signal aborts (the session stopped), leaving no process", async () => {
    const abort = new AbortController();
    let pid = 0;
    const base = fakeCheckContext({ exec: (cmd) => ((pid = Number(cmd[1])), abort.abort(), ok()) });
    const ctx: CheckContext = { ...base, exec: base.exec.bind(base), signal: abort.signal };
    const started = Date.now();
    const out = await runner.run(spec("spins.ts", { timeoutMs: 30_000 }), ctx);
    expect(out.errors).toEqual(["cancelled: the session's checks stopped"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect.poll(checkerChildren, { timeout: 5000 }).not.toContain(pid);
  });

  it("leaves only the spare's folder after a run, and nothing after close()", async () => {
    const ours = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`slipway-checker-${process.pid}-`));
    await runner.run(spec("always.ts", { args: { pass: true } }), fakeCheckContext());
    // The run's process and folder go; the spare for the next run comes, with its folder.
    await expect.poll(() => [ours().length, checkerChildren().length], { timeout: 5000 }).toEqual([1, 1]);
    runner.close();
    expect(ours()).toEqual([]);
    await expect.poll(checkerChildren, { timeout: 5000 }).toEqual([]);
  });

  it("kills runs in flight on close(), and removes their folders", async () => {
    const cold = new ScriptRunner({ spare: false });
    let pid = 0;
    const ctx = fakeCheckContext({ exec: (cmd) => ((pid = Number(cmd[1])), ok()) });
    const running = cold.run(spec("spins.ts", { timeoutMs: 30_000 }), ctx);
    while (!pid) await new Promise((r) => setTimeout(r, 20));
    expect(cold.folderList.length).toBe(1);
    cold.close();
    expect((await running).errors[0]).toMatch(/was killed \(SIGKILL\) before returning a result/);
    expect(cold.folderList).toEqual([]);
    await expect.poll(checkerChildren, { timeout: 5000 }).toEqual([]);
  });

  it(
    "serves a caller with nothing else pending, which then exits and leaves nothing behind",
    { timeout: 60_000 },
    () => {
      // The server's shared runner, in a process of its own: the spare must neither keep it
      // alive nor outlive it, and its folder goes with it.
      const script = `
      const { scriptCheck } = await import(${JSON.stringify(resolve(import.meta.dirname, "../script-check.ts"))});
      const { fakeCheckContext } = await import(${JSON.stringify(resolve(import.meta.dirname, "../fake-check-context.ts"))});
      const spec = scriptCheck.parse({ type: "script", script: "checks/always.ts", args: { pass: true } }, "t");
      const r = await scriptCheck.run(spec, fakeCheckContext({}, ${JSON.stringify(labDir)}));
      console.log(JSON.stringify(r.errors));`;
      const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
        timeout: 50_000,
      });
      expect(r.stderr).toBe("");
      expect(r.stdout.trim()).toBe("[]");
      expect(r.status).toBe(0);
      expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`slipway-checker-${r.pid}-`))).toEqual([]);
    },
  );

  it("leaves no process or folder behind when its server is killed with -9", async () => {
    const script = `
      const { ScriptRunner } = await import(${JSON.stringify(resolve(import.meta.dirname, "script-runner.ts"))});
      const { fakeCheckContext } = await import(${JSON.stringify(resolve(import.meta.dirname, "../fake-check-context.ts"))});
      const runner = new ScriptRunner();
      await runner.run(${JSON.stringify(spec("always.ts"))}, fakeCheckContext());
      setTimeout(() => process.kill(process.pid, "SIGKILL"), 1000); // the spare has started`;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      timeout: 50_000,
    });
    expect(r.signal).toBe("SIGKILL");
    const left = () => [
      ...readdirSync(tmpdir()).filter((n) => n.startsWith(`slipway-checker-${r.pid}-`)),
      ...readdirSync("/proc").filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(`slipway-checker-${r.pid}-`);
        } catch {
          return false;
        }
      }),
    ];
    for (let i = 0; i < 100 && left().length; i++) await new Promise((w) => setTimeout(w, 50));
    expect(left()).toEqual([]);
  });
});
