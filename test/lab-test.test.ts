// `slipway lab test` for real, through the same code path as the CLI: every lab in labs/
// must prove itself in live sessions, and the gate must fail, saying why, on a lab whose
// solution is wrong, report a broken solution once, and hold a wrong solution to the check
// its author says must reject it.
import { availableParallelism } from "node:os";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runLabCommand } from "../server/src/cli/lab-command.ts";
import { labRuntimeOpener } from "../server/src/cli/lab-runtime.ts";
import { loadConfig } from "../server/src/config.ts";
import type { TestRow } from "../server/src/labs/lab-tester.ts";
import { hostFacts } from "./support/test-app.ts";

const config = loadConfig();
// Sessions spend much of their time waiting on the engine (container starts, the checks'
// settle delay), so one more than the cores keeps a 2-core machine busy; the other test files
// run beside this one, one at a time (vitest.config.ts).
const JOBS = String(Math.min(6, availableParallelism() + 1));

async function labTest(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const code = await runLabCommand(["lab", "test", "--json", "--repeat", "1", "--jobs", JOBS, ...args], io, {
    labsDir: config.labsDir,
    openRuntime: labRuntimeOpener(config, hostFacts()),
  });
  const report = JSON.parse(out.join("\n") || "{}") as Record<string, TestRow[]>;
  return { code, report, log: err.join("\n") };
}

const failed = (report: Record<string, TestRow[]>) =>
  Object.entries(report).flatMap(([lab, rows]) => rows.filter((r) => !r.ok).map((r) => ({ lab, ...r })));
const brief = (r: TestRow) => `${r.step} ${r.phase} ${r.skipped ? "skipped" : r.ok ? "ok" : "FAIL"}`;

describe("slipway lab test", () => {
  // Its speed is the benches' business (and the suite's wall clock), not a failure: room for a busy host.
  it("proves every lab in labs/", { timeout: 4_500_000 }, async () => {
    const started = performance.now();
    const { code, report, log } = await labTest("--all");
    expect(failed(report), log.slice(-3000)).toEqual([]);
    const labs = readdirSync(config.labsDir).filter((d) => existsSync(join(config.labsDir, d, "lab.yaml")));
    expect(Object.keys(report).sort()).toEqual(labs.sort());
    expect(report["first-container"]?.length).toBe(20);
    // A lab with variables is proved on two rounds, each session with its own variant.
    expect(new Set(report["troubleshoot-exit-codes"]?.map((r) => r.round))).toEqual(new Set([1, 2]));
    // Every wrong solution says which check turned it away.
    for (const r of Object.values(report)
      .flat()
      .filter((x) => x.phase === "wrong-solution"))
      expect(r.rejectedBy?.length, `${r.script}`).toBeGreaterThan(0);
    expect(log).toMatch(new RegExp(`up to ${JOBS} sessions at once`));
    expect(code).toBe(0);
    console.log(`lab test --all --jobs ${JOBS}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  });

  it("fails the gate where it should, once, and says why", { timeout: 600_000 }, async () => {
    const fixtures = resolve(config.repoRoot, "test/fixtures/labs");
    const { code, report } = await labTest(
      resolve(fixtures, "wrong-solution"),
      resolve(fixtures, "tester/broken-solution"),
      resolve(fixtures, "tester/rejected-by"),
    );
    expect(code).toBe(1);
    // A solution that misses its checks.
    expect(report["wrong-solution"]?.map(brief)).toEqual([
      "run-web precondition ok",
      "run-web solution FAIL",
    ]);
    expect(report["wrong-solution"]?.[1]?.detail).toEqual([
      "web runs with port 80 published: container web: port 80/tcp expected to be published, but it is not",
    ]);
    // A broken solution is reported at its step; what depends on it is skipped, not failed.
    expect(report["broken-solution"]?.map(brief)).toEqual([
      "run-web precondition ok",
      "run-web solution FAIL",
      "list solution skipped",
      "remove solution skipped",
      "run-web wrong-solution ok",
      "list wrong-solution skipped",
      "remove wrong-solution skipped",
    ]);
    // A wrong solution turned away by another check than the one its author named fails.
    const wrong = report["rejected-by"]?.filter((r) => r.phase === "wrong-solution");
    expect(wrong?.map((r) => [r.script, r.ok, r.rejectedBy?.map((x) => x.check)])).toEqual([
      ["solutions/wrong-no-port.sh", true, ["port 80 is published on 8080"]],
      ["solutions/wrong-image.sh", false, ["web runs nginx"]],
      ["solutions/wrong-image.sh", true, ["web runs nginx"]],
    ]);
    expect(report["rejected-by"]?.filter((r) => r.phase !== "wrong-solution").every((r) => r.ok)).toBe(true);
  });
});
