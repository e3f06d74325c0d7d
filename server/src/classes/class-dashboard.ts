// The instructor's grid: each member × each lab of the class, from the sessions they started
// in it (the newest per lab) and those sessions' stored progress, plus stuck flags and the
// per-step funnel. Pure: the caller gathers the records, so a test builds any moment.
import type { DashboardCell, DashboardLearner, DashboardView } from "../../../common/class-views.ts";
import type { Lab } from "../labs/lab.ts";
import { type LabProgress, allPassed, stepProgress } from "../progress/progress.ts";
import type { Session } from "../sessions/session.ts";
import type { ClassMember, ClassRecord } from "./class.ts";
import { classFunnel } from "./class-funnel.ts";
import { toClassView } from "./class-view.ts";

/** The same check failing in this many attempts in a row flags the learner. */
export const REPEATED_FAILURES = 3;

export interface DashboardInput {
  readonly record: ClassRecord;
  readonly members: readonly ClassMember[];
  /** The class's sessions (any order). */
  readonly sessions: readonly Session[];
  readonly labs: ReadonlyMap<string, Lab>;
  readonly progress: (sessionId: string) => LabProgress | undefined;
  readonly now: number;
}

export interface Placed {
  readonly member: ClassMember;
  readonly lab: Lab;
  readonly session?: Session;
  readonly progress?: LabProgress;
}

/** Each member's newest session of each lab. */
export function placeSessions(i: DashboardInput): Placed[][] {
  const newest = new Map<string, Session>();
  for (const s of i.sessions) {
    const k = `${s.owner}/${s.lab}`;
    if ((newest.get(k)?.createdAt ?? -1) < s.createdAt) newest.set(k, s);
  }
  return i.members.map((member) =>
    i.record.labs.flatMap((labId) => {
      const lab = i.labs.get(labId);
      if (!lab) return [];
      const session = newest.get(`${member.learnerId}/${labId}`);
      const progress = session && i.progress(session.id);
      return [{ member, lab, ...(session ? { session } : {}), ...(progress ? { progress } : {}) }];
    }),
  );
}

export function classDashboard(i: DashboardInput): DashboardView {
  const placed = placeSessions(i);
  return {
    class: toClassView(i.record, i.members.length, i.now),
    at: new Date(i.now).toISOString(),
    labs: i.record.labs.flatMap((id) => {
      const lab = i.labs.get(id);
      return lab
        ? [{ id, title: lab.title, steps: lab.steps.map((s) => ({ id: s.id, title: s.title })) }]
        : [];
    }),
    learners: placed.map((row, n) => learnerRow(i, i.members[n] as ClassMember, row)),
    funnel: classFunnel(placed.flat()),
  };
}

function cell(p: Placed, now: number): DashboardCell {
  const ids = p.lab.steps.map((s) => s.id);
  const steps = ids.map((id) => {
    const sp = p.progress ? stepProgress(p.progress, id) : undefined;
    return {
      id,
      status: sp?.status ?? "pending",
      ...(sp?.passedAt !== undefined ? { passedAt: new Date(sp.passedAt).toISOString() } : {}),
      hintsRevealed: sp?.hintsRevealed ?? 0,
      solutionViewed: sp?.solutionViewed ?? false,
      failedRuns: sp?.failedRuns ?? 0,
    };
  });
  const current = steps.find((s) => s.status !== "passed");
  const since = lastProgressAt(p);
  return {
    lab: p.lab.id,
    ...(p.session ? { sessionId: p.session.id, state: p.session.status } : {}),
    steps,
    ...(p.session && current ? { currentStep: current.id } : {}),
    ...(current && since !== undefined ? { onStepMs: Math.max(0, now - since) } : {}),
    completed: p.progress ? allPassed(p.progress, ids) : false,
  };
}

/** When the learner last moved forward in this lab: a step passed, or the lab started. */
function lastProgressAt(p: Placed): number | undefined {
  if (!p.progress) return undefined;
  const passed = Object.values(p.progress.steps).map((s) => s.passedAt ?? 0);
  return Math.max(p.progress.startedAt, ...passed);
}

function learnerRow(i: DashboardInput, member: ClassMember, row: Placed[]): DashboardLearner {
  const cells = row.map((p) => cell(p, i.now));
  // The lab they work in now: their newest session still running.
  const working = row
    .filter((p) => p.session?.status === "ready")
    .sort((a, b) => (b.session?.createdAt ?? 0) - (a.session?.createdAt ?? 0))[0];
  const idleMs = working?.session ? Math.max(0, i.now - working.session.lastActivityAt) : undefined;
  const stuck = working && stuckFlag(i, working, idleMs ?? 0);
  return {
    learnerId: member.learnerId,
    displayName: member.displayName,
    joinedAt: new Date(member.joinedAt).toISOString(),
    cells,
    ...(idleMs !== undefined ? { idleMs } : {}),
    ...(stuck ? { stuck } : {}),
  };
}

function stuckFlag(i: DashboardInput, p: Placed, idleMs: number): DashboardLearner["stuck"] {
  if (!p.progress) return undefined;
  const step = p.lab.steps.find((s) => stepProgress(p.progress as LabProgress, s.id).status !== "passed");
  if (!step) return undefined;
  const failures = stepProgress(p.progress, step.id).failures ?? [];
  const last = failures.slice(-REPEATED_FAILURES);
  if (last.length === REPEATED_FAILURES && last.every((f) => f === last[0]))
    return {
      reason: "repeated-failure",
      lab: p.lab.id,
      step: step.id,
      detail: `"${last[0]}" failed ${REPEATED_FAILURES} times in a row`,
    };
  const since = lastProgressAt(p) ?? i.now;
  const stalled = i.now - since;
  // "While active": someone who walked away is idle, not stuck.
  if (stalled >= i.record.stuckAfterMs && idleMs < i.record.stuckAfterMs)
    return {
      reason: "no-progress",
      lab: p.lab.id,
      step: step.id,
      detail: `no step passed for ${duration(stalled)} while working`,
    };
  return undefined;
}

const duration = (ms: number): string =>
  ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
