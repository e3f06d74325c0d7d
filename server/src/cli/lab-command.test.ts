import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeSessionRunner } from "../labs/fake-docker.ts";
import { runLabCommand } from "./lab-command.ts";

const root = resolve(import.meta.dirname, "../../..");
const deps = { labsDir: resolve(root, "labs") };
// The labs shipped in labs/, read from the folder so that adding a lab needs no edit here.
const shipped = readdirSync(deps.labsDir)
  .filter((d) => existsSync(resolve(deps.labsDir, d, "lab.yaml")))
  .sort();
const assessments = readdirSync(resolve(deps.labsDir, "assessments")).filter((f) => f.endsWith(".yaml"));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe("slipway lab", () => {
  it("validate: all labs in labs/ are valid", async () => {
    const c = capture();
    expect(await runLabCommand(["lab", "validate"], c.io, deps)).toBe(0);
    expect(c.out).toEqual([`${shipped.length} lab(s) and ${assessments.length} assessment(s) valid`]);
  });

  it("validate: prints every located error and exits 1", async () => {
    const c = capture();
    const code = await runLabCommand(
      ["validate", resolve(root, "test/fixtures/labs/unknown-check")],
      c.io,
      deps,
    );
    expect(code).toBe(1);
    expect(c.err).toHaveLength(2 + 1);
    expect(c.err[0]).toMatch(/unknown-check\/lab.yaml:12:15: unknown check type "port-open"/);
  });

  it("test: says clearly when no sessions are wired", async () => {
    const c = capture();
    expect(await runLabCommand(["test"], c.io, deps)).toBe(2);
    expect(c.err[0]).toMatch(/needs live sessions/);
  });

  it("test: runs the tester and reports JSON, exit 1 on failure", async () => {
    const c = capture();
    const lab = resolve(root, "test/fixtures/labs/wrong-solution");
    const code = await runLabCommand(["test", lab, "--json", "--repeat", "1"], c.io, {
      ...deps,
      sessions: fakeSessionRunner(),
      settle: { retries: 0 },
    });
    expect(code).toBe(1);
    const report = JSON.parse(c.out[0] as string) as Record<string, { ok: boolean }[]>;
    expect(report["wrong-solution"]?.map((r) => r.ok)).toEqual([true, false]);
  });

  it("test: a lab that proves itself exits 0", async () => {
    const c = capture();
    const code = await runLabCommand(["test", resolve(root, "labs/first-container")], c.io, {
      ...deps,
      sessions: fakeSessionRunner(),
      settle: { retries: 0 },
    });
    expect(c.out.join("\n")).toMatch(/all 20 passed/);
    expect(code).toBe(0);
  });

  it("test --all: every lab in labs/, through the runner it is given", async () => {
    const c = capture();
    const sessions = fakeSessionRunner();
    const code = await runLabCommand(["test", "--all", "--json"], c.io, {
      ...deps,
      sessions,
      settle: { retries: 0 },
    });
    const report = JSON.parse(c.out[0] as string) as Record<string, unknown[]>;
    expect(Object.keys(report)).toEqual(shipped);
    expect(code).toBe(1); // the fake docker cannot build images: troubleshoot-exit-codes fails its setup
    expect(sessions.started).toBe(sessions.stopped);
  });

  it("test --jobs: one table per lab as it finishes, a progress line per session", async () => {
    const c = capture();
    const sessions = fakeSessionRunner();
    const code = await runLabCommand(["test", "--all", "--jobs=3"], c.io, {
      ...deps,
      sessions,
      settle: { retries: 0 },
    });
    expect(code).toBe(1);
    expect(c.out.map((block) => block.split("\n")[0]).sort()).toEqual(shipped.map((id) => `lab ${id}`));
    expect(c.err[0]).toBe(`testing ${shipped.length} lab(s) (up to 3 sessions at once)…`);
    expect(c.err).toContainEqual(expect.stringMatching(/^\[first-container 11\/11\] ok {3}/));
    // It has variables, so two rounds: a main path and four wrong solutions, then a main path.
    expect(c.err.filter((l) => l.startsWith("[troubleshoot-exit-codes "))).toHaveLength(1 + 4 + 1);
    // The fake docker cannot build images: its setup fails, said once a round, the rest skipped.
    const table = c.out.find((b) => b.startsWith("lab troubleshoot-exit-codes")) ?? "";
    expect(table.split("\n").at(-1)).toBe("2 of 12 failed, 10 skipped (setup failed)");
    expect(sessions.started).toBe(sessions.stopped);
  });

  it("test: refuses a bad --jobs or --repeat", async () => {
    for (const args of [["--jobs", "0"], ["--jobs=two"], ["--jobs", "33"], ["--repeat", "1.5"]]) {
      const c = capture();
      expect(
        await runLabCommand(["test", "--all", ...args], c.io, { ...deps, sessions: fakeSessionRunner() }),
      ).toBe(2);
      expect(c.err[0]).toMatch(/expects a whole number (≥ 1|from 1 to 32)/);
    }
  });

  it("dev: needs exactly one lab folder", async () => {
    const c = capture();
    expect(await runLabCommand(["dev"], c.io, { ...deps, openRuntime: async () => ({}) as never })).toBe(2);
    expect(c.err[0]).toMatch(/usage: slipway lab/);
  });
});
