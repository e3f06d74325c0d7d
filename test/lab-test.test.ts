// `slipway lab test` for real, through the same code path as the CLI: every lab in labs/
// must prove itself in live sessions, and a lab whose solution is wrong must fail the gate.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runLabCommand } from "../server/src/cli/lab-command.ts";
import { labRuntimeOpener } from "../server/src/cli/lab-runtime.ts";
import { loadConfig } from "../server/src/config.ts";
import type { TestRow } from "../server/src/labs/lab-tester.ts";

const config = loadConfig();

async function labTest(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const code = await runLabCommand(["lab", "test", "--json", "--repeat", "1", ...args], io, {
    labsDir: config.labsDir,
    openRuntime: labRuntimeOpener(config),
  });
  const report = JSON.parse(out.join("\n") || "{}") as Record<string, TestRow[]>;
  return { code, report, log: err.join("\n") };
}

const failed = (report: Record<string, TestRow[]>) =>
  Object.entries(report).flatMap(([lab, rows]) => rows.filter((r) => !r.ok).map((r) => ({ lab, ...r })));

describe("slipway lab test", () => {
  it("proves every lab in labs/", { timeout: 1_200_000 }, async () => {
    const { code, report, log } = await labTest("--all");
    expect(failed(report), log.slice(-3000)).toEqual([]);
    expect(Object.keys(report).sort()).toEqual(["first-container", "playground", "troubleshoot-exit-codes"]);
    expect(report["first-container"]?.length).toBe(20);
    expect(report["troubleshoot-exit-codes"]?.filter((r) => r.phase === "wrong-solution")).toHaveLength(4);
    expect(code).toBe(0);
  });

  it("fails a lab whose solution is wrong, and says why", { timeout: 300_000 }, async () => {
    const { code, report } = await labTest(resolve(config.repoRoot, "test/fixtures/labs/wrong-solution"));
    expect(code).toBe(1);
    expect(report["wrong-solution"]?.map((r) => [r.phase, r.ok])).toEqual([
      ["precondition", true],
      ["solution", false],
    ]);
    expect(report["wrong-solution"]?.[1]?.detail).toEqual([
      "web runs with port 80 published: container web: port 80/tcp expected to be published, but it is not",
    ]);
  });
});
