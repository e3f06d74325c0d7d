import { describe, expect, it } from "vitest";
import type { Lab } from "../labs/lab.ts";
import { newProgress, withStep } from "./progress.ts";
import { scoreReport } from "./score-report.ts";

// Only what a score report reads of a lab.
const step = (id: string, debriefMarkdown?: string) => ({ id, title: id, debriefMarkdown });
const lab = {
  id: "exit-codes",
  title: "Exit codes",
  mode: "challenge",
  sandbox: {},
  steps: [
    step("fixed", "The app exited 137: it ran out of memory."),
    step("found", "Read `docker logs`."),
    step("plain"),
  ],
} as unknown as Lab;

describe("scoreReport", () => {
  it("gives every task its debrief once the work is in, and none before: it is the answer", () => {
    let p = newProgress("s1", "exit-codes", ["fixed", "found", "plain"], 0);
    p = withStep(p, "found", { status: "passed", passedAt: 38_000 });
    p = withStep(p, "fixed", { status: "failed" });
    expect(scoreReport(lab, p, "ready", 50_000).steps.map((s) => s.debriefMarkdown)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const r = scoreReport(lab, p, "stopped", 60_000);
    expect(r.steps.map((s) => [s.id, s.status, s.debriefMarkdown])).toEqual([
      ["fixed", "failed", "The app exited 137: it ran out of memory."],
      ["found", "passed", "Read `docker logs`."],
      ["plain", "pending", undefined],
    ]);
    expect(r.timeUsedMs).toBe(60_000);
  });
});
