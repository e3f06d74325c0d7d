// What the classes API answers (/api/classes…), shared by the browser client and the server.
import type { SessionState } from "./lab-events.ts";
import type { StepStatus } from "./lab-types.ts";

/** A class as its instructor sees it (never the key, which is shown once, at creation). */
export interface ClassView {
  readonly id: string;
  readonly title: string;
  readonly labs: readonly string[];
  readonly track?: string;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly capacity: number;
  readonly members: number;
  readonly hintsAllowed: boolean;
  readonly solutionsAllowed: boolean;
  readonly stuckAfterMs: number;
  /** As learners type it: ABCD-EFGH. */
  readonly joinCode: string;
  /** Path of the join page (the client's route), to hand out with the code. */
  readonly joinPath: string;
  readonly open: boolean;
  readonly closedAt?: string;
  readonly endedAt?: string;
  readonly announcement?: { readonly text: string; readonly at: string };
}

/** POST /api/classes: the only answer that holds the instructor key. */
export interface ClassCreated {
  readonly class: ClassView;
  readonly instructorKey: string;
}

/** GET /api/me/class: the learner's class, their labs in it and their progress. */
export interface LearnerClassView {
  readonly id: string;
  readonly title: string;
  readonly displayName: string;
  readonly open: boolean;
  readonly ended: boolean;
  readonly hintsAllowed: boolean;
  readonly solutionsAllowed: boolean;
  readonly announcement?: { readonly text: string; readonly at: string };
  readonly labs: ReadonlyArray<{
    readonly lab: string;
    readonly title: string;
    readonly stepCount: number;
    readonly stepsPassed: number;
    readonly sessionId?: string;
    readonly state?: SessionState;
    readonly completed: boolean;
  }>;
}

export interface DashboardStep {
  readonly id: string;
  readonly status: StepStatus;
  readonly passedAt?: string;
  readonly hintsRevealed: number;
  readonly solutionViewed: boolean;
  readonly failedRuns: number;
}

/** One learner in one lab of the class. */
export interface DashboardCell {
  readonly lab: string;
  readonly sessionId?: string;
  readonly state?: SessionState;
  readonly steps: readonly DashboardStep[];
  readonly currentStep?: string;
  /** On the current step for this long (since the previous step passed or the lab started). */
  readonly onStepMs?: number;
  readonly completed: boolean;
}

export type StuckReason = "no-progress" | "repeated-failure";

export interface DashboardLearner {
  readonly learnerId: string;
  readonly displayName: string;
  readonly joinedAt: string;
  readonly cells: readonly DashboardCell[];
  /** Since the last activity in the session they work in now (running sessions only). */
  readonly idleMs?: number;
  readonly stuck?: {
    readonly reason: StuckReason;
    readonly lab: string;
    readonly step: string;
    readonly detail: string;
  };
}

/** Per step: where the class gets stuck. */
export interface FunnelStep {
  readonly lab: string;
  readonly step: string;
  readonly title: string;
  readonly reached: number;
  readonly passed: number;
  readonly medianMsToPass?: number;
  /** Of the learners who reached it. */
  readonly hintRate: number;
  readonly solutionRate: number;
  readonly commonFailingCheck?: string;
}

/** GET /api/classes/:id/dashboard, and each message of its event stream. */
export interface DashboardView {
  readonly class: ClassView;
  readonly at: string;
  readonly labs: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly steps: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  }>;
  readonly learners: readonly DashboardLearner[];
  readonly funnel: readonly FunnelStep[];
}
