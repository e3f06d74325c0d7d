// One candidate's attempt at an assessment: the tasks drawn for it (from its seed, its id),
// which one is open, and when each was open. Times to solve come from these visits, so
// skipping a task and coming back counts only the time it was on screen.
import type { AssessmentReport } from "../../../../common/assessment-views.ts";

export interface Visit {
  readonly from: number;
  /** Unset while the task is open. */
  readonly to?: number;
}

export interface AttemptTask {
  readonly lab: string;
  readonly visits: readonly Visit[];
}

export interface Attempt {
  readonly id: string;
  readonly assessment: string;
  /** Hash of the attempt's token (Bearer), which also derives its tasks' session tokens. */
  readonly tokenHash: string;
  readonly owner?: string;
  /** What the draw and order came from (the attempt id), recorded with it. */
  readonly seed: string;
  readonly tasks: readonly AttemptTask[];
  readonly current: number;
  readonly startedAt: number;
  readonly endsAt: number;
  readonly finishedAt?: number;
  readonly endReason?: string;
  /** Hash of the read-only share link's token, once one is made. */
  readonly shareHash?: string;
  /** Written once, when the attempt ends; kept after its sandboxes are gone. */
  readonly report?: AssessmentReport;
}

/** Closes the open visit (if any) and opens task `k` at `now`. */
export function openTask(a: Attempt, k: number, now: number): Attempt {
  const tasks = a.tasks.map((t, i) => {
    const closed = t.visits.map((v) => (v.to === undefined ? { ...v, to: now } : v));
    return { ...t, visits: i === k ? [...closed, { from: now }] : closed };
  });
  return { ...a, tasks, current: k };
}

/** Closes the open visit: the attempt ends. */
export const closeVisits = (a: Attempt, now: number): Attempt => ({
  ...a,
  tasks: a.tasks.map((t) => ({
    ...t,
    visits: t.visits.map((v) => (v.to === undefined ? { ...v, to: now } : v)),
  })),
});

/** Milliseconds the task was open before `until` (its first pass, or the end). */
export function openMs(t: AttemptTask, until: number): number {
  return t.visits.reduce((sum, v) => sum + Math.max(0, Math.min(v.to ?? until, until) - v.from), 0);
}
