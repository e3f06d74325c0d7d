import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { toLabSummary, toStepView } from "./lab.ts";
import { loadLab } from "./lab-loader.ts";

const labs = resolve(import.meta.dirname, "../../../labs");

describe("loadLab", () => {
  it("resolves paths, reads step bodies and parses checks", async () => {
    const { lab, issues } = await loadLab(resolve(labs, "troubleshoot-exit-codes"));
    expect(issues).toEqual([]);
    expect(lab?.setup).toBe(resolve(labs, "troubleshoot-exit-codes/setup.sh"));
    expect(lab?.filesDir).toBe(resolve(labs, "troubleshoot-exit-codes/files"));
    expect(lab?.sandbox.timeLimitMs).toBe(30 * 60_000);
    expect(lab?.steps.map((s) => s.checks.length)).toEqual([2, 2, 2]);
    expect(lab?.steps[0]?.bodyMarkdown).toMatch(/^# api/);
    expect(toLabSummary(lab!)).toMatchObject({
      id: "troubleshoot-exit-codes",
      mode: "challenge",
      stepCount: 3,
    });
  });

  it("gives the playground an empty, check-free sandbox", async () => {
    const { lab } = await loadLab(resolve(labs, "playground"));
    expect(lab?.steps).toEqual([]);
  });

  it("reveals hints one at a time, and none in a challenge without allowHints", async () => {
    const guided = (await loadLab(resolve(labs, "first-container"))).lab!;
    const view = toStepView(guided, guided.steps[0]!, { status: "failed", hintsRevealed: 1, results: [] });
    expect(view.hintCount).toBe(2);
    expect(view.hints).toHaveLength(1);
    expect(view).not.toHaveProperty("solution");
  });
});
