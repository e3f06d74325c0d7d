// The report of an ended attempt, made once from what the sandboxes left behind (progress,
// the gateway's audit trail, the terminal recording) so it outlives them. Pure: its inputs
// are read by the service.
import type { AuditEntry } from "../../../../common/audit-entry.ts";
import type { AssessmentReport, ReportTask, TimelineEntry } from "../../../../common/assessment-views.ts";
import type { Lab } from "../../labs/lab.ts";
import { type LabProgress, stepProgress } from "../../progress/progress.ts";
import type { Assessment } from "../assessment.ts";
import { type Attempt, openMs } from "../attempts/attempt.ts";
import { dockerCommand } from "./docker-command.ts";

export interface TaskInputs {
  readonly lab: Lab;
  readonly sessionId: string | undefined;
  readonly progress: LabProgress | undefined;
  readonly activity: readonly AuditEntry[];
  readonly recording?: { readonly cast: string; readonly truncated: boolean };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function timeline(entries: readonly AuditEntry[], startedAt: number): TimelineEntry[] {
  return entries.flatMap((e) => {
    const command = dockerCommand(e);
    if (command === undefined) return [];
    const t = Math.max(0, Math.round((Date.parse(e.time) - startedAt) / 1000));
    return [
      { at: e.time, t, command, status: e.status, ...(e.summary.denied ? { denied: e.summary.denied } : {}) },
    ];
  });
}

function task(a: Assessment, at: Attempt, k: number, inp: TaskInputs, end: number): ReportTask {
  const { lab, progress } = inp;
  const steps = lab.steps.map((s) => {
    const sp = progress ? stepProgress(progress, s.id) : undefined;
    const passed = sp?.status === "passed";
    return {
      id: s.id,
      title: s.title,
      passed,
      failing: passed
        ? []
        : (sp?.results ?? []).filter((r) => !r.pass).map((r) => ({ check: r.name, errors: r.errors })),
      ...(s.debriefMarkdown ? { debriefMarkdown: s.debriefMarkdown } : {}),
      hints: sp?.hintsRevealed ?? 0,
      runs: sp?.checkRuns ?? 0,
      failed: sp?.failedBeforePass ?? 0,
    };
  });
  const stepsPassed = steps.filter((s) => s.passed).length;
  const passed = steps.length > 0 && stepsPassed === steps.length;
  const t = at.tasks[k] as Attempt["tasks"][number];
  const hintsUsed = steps.reduce((n, s) => n + s.hints, 0);
  // Solved when its last step first passed (finishedAt is also set when a session just ends).
  const solvedAt = passed
    ? Math.max(...lab.steps.map((s) => (progress ? (stepProgress(progress, s.id).passedAt ?? 0) : 0)))
    : undefined;
  const penalty = lab.hintsAllowed ? Math.min(100, hintsUsed * a.hintPenalty) : 0;
  const earned = steps.length ? (100 * stepsPassed) / steps.length : 0;
  return {
    index: k,
    lab: lab.id,
    title: lab.title,
    passed,
    stepsPassed,
    stepsTotal: steps.length,
    ...(solvedAt !== undefined ? { secondsToSolve: Math.round(openMs(t, solvedAt) / 1000) } : {}),
    secondsOpen: Math.round(openMs(t, end) / 1000),
    checkRuns: steps.reduce((n, s) => n + s.runs, 0),
    failedRuns: steps.reduce((n, s) => n + s.failed, 0),
    hintsUsed,
    penalty,
    score: round1(Math.max(0, earned - penalty)),
    ...(lab.variant ? { variant: lab.variant } : {}),
    steps: steps.map(({ hints: _h, runs: _r, failed: _f, ...s }) => s),
    timeline: timeline(inp.activity, at.startedAt),
    ...(inp.recording ? { recording: inp.recording.cast, recordingTruncated: inp.recording.truncated } : {}),
  };
}

export function assessmentReport(
  a: Assessment,
  at: Attempt,
  inputs: readonly TaskInputs[],
  end: number,
  endReason: string,
): AssessmentReport {
  const tasks = inputs.map((inp, k) => task(a, at, k, inp, end));
  const score = round1(tasks.reduce((n, t) => n + t.score, 0) / Math.max(1, tasks.length));
  return {
    attempt: at.id,
    assessment: a.id,
    title: a.title,
    seed: at.seed,
    startedAt: new Date(at.startedAt).toISOString(),
    finishedAt: new Date(end).toISOString(),
    endReason,
    timeLimitMs: a.timeLimitMs,
    score,
    passLine: a.passLine,
    passed: score >= a.passLine,
    tasks,
  };
}
