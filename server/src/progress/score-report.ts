// The end result of a lab, as a challenge's candidate (or their interviewer) sees it.
import type { ScoreReport, SessionState } from "../../../common/lab-events.ts";
import type { Lab } from "../labs/lab.ts";
import { type LabProgress, stepProgress } from "./progress.ts";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function scoreReport(lab: Lab, p: LabProgress, state: SessionState, now: number): ScoreReport {
  const ended = state === "stopped" || state === "failed";
  // A debrief is the task's answer: a candidate who could read it mid-challenge (this report
  // is one GET away) would not need to find anything. Once the work is in, every task has it.
  const final = ended || p.finishedAt !== undefined;
  const steps = lab.steps.map((s) => {
    const sp = stepProgress(p, s.id);
    return {
      id: s.id,
      title: s.title,
      status: sp.status,
      ...(sp.passedAt !== undefined ? { passedAt: iso(sp.passedAt) } : {}),
      hintsRevealed: sp.hintsRevealed,
      solutionViewed: sp.solutionViewed,
      ...(final && s.debriefMarkdown ? { debriefMarkdown: s.debriefMarkdown } : {}),
    };
  });
  return {
    lab: lab.id,
    title: lab.title,
    mode: lab.mode,
    state,
    final,
    stepsPassed: steps.filter((s) => s.status === "passed").length,
    stepsTotal: steps.length,
    startedAt: new Date(p.startedAt).toISOString(),
    ...(p.finishedAt !== undefined ? { finishedAt: iso(p.finishedAt) } : {}),
    timeUsedMs: Math.max(0, (p.finishedAt ?? now) - p.startedAt),
    ...(lab.sandbox.timeLimitMs !== undefined ? { timeLimitMs: lab.sandbox.timeLimitMs } : {}),
    hintsRevealed: steps.reduce((n, s) => n + s.hintsRevealed, 0),
    solutionsViewed: steps.filter((s) => s.solutionViewed).length,
    ...(lab.variant ? { variant: lab.variant } : {}),
    steps,
  };
}
