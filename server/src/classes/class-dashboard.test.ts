// The dashboard at chosen moments: current step and time on it, idle time, the two stuck
// flags (and that an idle learner is not "stuck"), and the funnel's figures.
import { describe, expect, it } from "vitest";
import type { Lab } from "../labs/lab.ts";
import type { LabProgress, StepProgress } from "../progress/progress.ts";
import type { Session } from "../sessions/session.ts";
import type { ClassRecord } from "./class.ts";
import { classDashboard } from "./class-dashboard.ts";

const MIN = 60_000;
const lab = {
  id: "l",
  title: "Lab",
  steps: [
    { id: "a", title: "A" },
    { id: "b", title: "B" },
  ],
} as unknown as Lab;
const record: ClassRecord = {
  id: "c",
  title: "C",
  labs: ["l"],
  capacity: 10,
  hintsAllowed: true,
  solutionsAllowed: true,
  stuckAfterMs: 10 * MIN,
  joinCode: "ABCD2345",
  instructorKeyHash: "a".repeat(64),
  createdAt: 0,
};
const session = (owner: string, lastActivityAt: number): Session =>
  ({
    id: `s-${owner}`,
    owner,
    lab: "l",
    classId: "c",
    status: "ready",
    createdAt: 0,
    lastActivityAt,
  }) as Session;
const step = (p: Partial<StepProgress>): StepProgress => ({
  status: "pending",
  results: [],
  hintsRevealed: 0,
  solutionViewed: false,
  ...p,
});

function dashboard(
  now: number,
  progress: Record<string, Record<string, Partial<StepProgress>>>,
  active: Record<string, number>,
) {
  const owners = Object.keys(progress);
  return classDashboard({
    record,
    members: owners.map((o) => ({ classId: "c", learnerId: o, displayName: o, joinedAt: 0 })),
    sessions: owners.map((o) => session(o, active[o] ?? 0)),
    labs: new Map([["l", lab]]),
    progress: (id): LabProgress => {
      const o = id.slice(2);
      const steps = Object.fromEntries(Object.entries(progress[o] ?? {}).map(([k, v]) => [k, step(v)]));
      return { sessionId: id, labId: "l", startedAt: 0, steps };
    },
    now,
  });
}

describe("classDashboard", () => {
  it("flags no progress while active, but not an idle learner", () => {
    const d = dashboard(
      20 * MIN,
      {
        busy: { a: { status: "passed", passedAt: 5 * MIN } },
        away: { a: { status: "passed", passedAt: 5 * MIN } },
        fine: { a: { status: "passed", passedAt: 15 * MIN } },
      },
      { busy: 19 * MIN, away: 6 * MIN, fine: 19 * MIN },
    );
    const of = (n: string) => d.learners.find((l) => l.displayName === n);
    expect(of("busy")?.stuck).toMatchObject({ reason: "no-progress", step: "b" });
    expect(of("busy")).toMatchObject({ idleMs: MIN, cells: [{ currentStep: "b", onStepMs: 15 * MIN }] });
    expect(of("away")?.stuck).toBeUndefined();
    expect(of("fine")?.stuck).toBeUndefined();
  });

  it("flags the same check failing three attempts in a row, and names it in the funnel", () => {
    const d = dashboard(
      MIN,
      {
        x: {
          a: { status: "failed", failedRuns: 3, failures: ["other", "box runs", "box runs", "box runs"] },
        },
        y: { a: { status: "failed", failedRuns: 2, failures: ["box runs", "other"] } },
      },
      { x: MIN, y: MIN },
    );
    expect(d.learners[0]?.stuck).toMatchObject({
      reason: "repeated-failure",
      detail: expect.stringContaining("box runs"),
    });
    expect(d.learners[1]?.stuck).toBeUndefined();
    expect(d.funnel[0]).toMatchObject({ step: "a", reached: 2, passed: 0, commonFailingCheck: "box runs" });
  });

  it("counts reach, pass, median time and aid rates per step", () => {
    const d = dashboard(
      30 * MIN,
      {
        p: {
          a: { status: "passed", passedAt: 2 * MIN, hintsRevealed: 1 },
          b: { status: "passed", passedAt: 3 * MIN },
        },
        q: { a: { status: "passed", passedAt: 4 * MIN, solutionViewed: true } },
        r: {},
      },
      {},
    );
    expect(d.funnel).toEqual([
      {
        lab: "l",
        step: "a",
        title: "A",
        reached: 3,
        passed: 2,
        medianMsToPass: 3 * MIN,
        hintRate: 1 / 3,
        solutionRate: 1 / 3,
      },
      {
        lab: "l",
        step: "b",
        title: "B",
        reached: 2,
        passed: 1,
        medianMsToPass: MIN,
        hintRate: 0,
        solutionRate: 0,
      },
    ]);
  });
});
