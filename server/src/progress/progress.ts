// A learner's progress through one session's lab: what passed and when, which hints they
// saw, which solutions they opened. Persisted, so a server restart loses none of it.
import type { CheckResult, StepStatus } from "../../../common/lab-types.ts";
import type { StepChange } from "../checks/live-evaluator.ts";

export interface StepProgress {
  readonly status: StepStatus;
  readonly results: readonly CheckResult[];
  readonly hintsRevealed: number;
  readonly solutionViewed: boolean;
  /** When the step first passed. */
  readonly passedAt?: number;
  /** Evaluations of its checks (live re-checks included) up to and including the first pass,
   *  and how many of those failed: an assessment's report shows how the candidate got there. */
  readonly checkRuns?: number;
  readonly failedBeforePass?: number;
  /** Failed runs that said something new (a poll repeating the same failure is not one). */
  readonly failedRuns?: number;
  /** The failing checks' names of the latest such runs (newest last), for "stuck" flags. */
  readonly failures?: readonly string[];
}

const FAILURES_KEPT = 5;

/** A failed run counts when the learner changed something the checks see: its messages
 *  differ from the step's last ones, or the step had passed before. Live checks re-run
 *  every second while the learner is active; those repeats are not attempts, and neither is
 *  the first run of all, when the session starts (from "pending"). */
function failedRun(before: StepProgress, c: StepChange): Partial<StepProgress> {
  if (c.status !== "failed" || before.status === "pending") return {};
  const said = (rs: readonly CheckResult[]) =>
    JSON.stringify(rs.filter((r) => !r.pass).map((r) => [r.name, r.errors]));
  if (before.status === "failed" && said(before.results) === said(c.results)) return {};
  const failing = c.results.find((r) => !r.pass)?.name ?? "";
  return {
    failedRuns: (before.failedRuns ?? 0) + 1,
    failures: [...(before.failures ?? []), failing].slice(-FAILURES_KEPT),
  };
}

export interface LabProgress {
  readonly sessionId: string;
  readonly labId: string;
  /** When the learner got control (the session became ready). */
  readonly startedAt: number;
  /** When every step had passed, or the session ended, whichever came first. */
  readonly finishedAt?: number;
  readonly steps: Readonly<Record<string, StepProgress>>;
}

const EMPTY: StepProgress = { status: "pending", results: [], hintsRevealed: 0, solutionViewed: false };

export function newProgress(
  sessionId: string,
  labId: string,
  stepIds: readonly string[],
  startedAt: number,
): LabProgress {
  return { sessionId, labId, startedAt, steps: Object.fromEntries(stepIds.map((id) => [id, EMPTY])) };
}

export const stepProgress = (p: LabProgress, stepId: string): StepProgress => p.steps[stepId] ?? EMPTY;

export function withStep(p: LabProgress, stepId: string, patch: Partial<StepProgress>): LabProgress {
  return { ...p, steps: { ...p.steps, [stepId]: { ...stepProgress(p, stepId), ...patch } } };
}

/** Every step of the lab passed (a lab without steps is never "completed"). */
export function allPassed(p: LabProgress, stepIds: readonly string[]): boolean {
  return stepIds.length > 0 && stepIds.every((id) => stepProgress(p, id).status === "passed");
}

/** A step's new status and results; the lab is finished when this completes it. */
export function applyStepChange(
  p: LabProgress,
  c: StepChange,
  stepIds: readonly string[],
  now: number,
): { progress: LabProgress; completed: boolean } {
  const before = stepProgress(p, c.stepId);
  const counting = before.passedAt === undefined;
  const firstPass = c.status === "passed" && counting;
  const next = withStep(p, c.stepId, {
    ...failedRun(before, c),
    status: c.status,
    results: c.results,
    ...(firstPass ? { passedAt: now } : {}),
    ...(counting
      ? {
          checkRuns: (before.checkRuns ?? 0) + 1,
          failedBeforePass: (before.failedBeforePass ?? 0) + (c.status === "passed" ? 0 : 1),
        }
      : {}),
  });
  const completed = next.finishedAt === undefined && allPassed(next, stepIds);
  return { progress: completed ? { ...next, finishedAt: now } : next, completed };
}

/** Back to unchecked (lab dev reloaded the lab): statuses and results go, hints stay; the
 *  steps in `keep` keep their status. */
export function resetChecks(p: LabProgress, keep: ReadonlySet<string> = new Set()): LabProgress {
  const steps = Object.entries(p.steps).map(([id, s]) => [
    id,
    keep.has(id) ? s : { ...s, status: "pending", results: [], passedAt: undefined },
  ]);
  return { sessionId: p.sessionId, labId: p.labId, startedAt: p.startedAt, steps: Object.fromEntries(steps) };
}
