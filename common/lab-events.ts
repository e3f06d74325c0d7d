// What the lab API answers and what its event stream sends, shared by the browser client
// and the server. Plain data; never a solution unless the learner asked for it.
import type { CheckResult, LabMode, LabSummary, StepStatus, StepView } from "./lab-types.ts";

/** A session's lifecycle (server/src/sessions/lifecycle/session-transitions.ts has the moves). */
export type SessionState =
  "queued" | "starting" | "ready" | "pausing" | "paused" | "resuming" | "stopping" | "stopped" | "failed";

export interface TimerView {
  readonly expiresAt: string;
  readonly remainingMs: number;
  readonly expired: boolean;
}

/** GET /api/sessions/:id/lab */
export interface SessionLabView {
  readonly lab: LabSummary;
  readonly state: SessionState;
  readonly steps: readonly StepView[];
  /** All steps passed. */
  readonly completed: boolean;
  /** Timed labs only. */
  readonly timer?: TimerView;
}

/** One message of GET /api/sessions/:id/events (Server-Sent Events, JSON in `data`). */
export type LabEvent =
  | { readonly type: "snapshot"; readonly view: SessionLabView }
  | {
      readonly type: "step";
      readonly stepId: string;
      readonly status: StepStatus;
      readonly results: readonly CheckResult[];
    }
  | { readonly type: "session"; readonly state: SessionState; readonly reason?: string }
  | { readonly type: "timer"; readonly timer: TimerView }
  | { readonly type: "completed" };

/** POST /api/sessions/:id/check: every step's checks, run now. */
export interface CheckReport {
  readonly steps: ReadonlyArray<{
    readonly stepId: string;
    /** As recorded: a passed (sticky) step stays passed even when its checks fail now. */
    readonly status: StepStatus;
    /** Whether every check passed in this run. */
    readonly pass: boolean;
    readonly results: readonly CheckResult[];
  }>;
}

/** POST /api/sessions/:id/hints */
export interface HintAnswer {
  readonly stepId: string;
  /** 0-based. */
  readonly index: number;
  readonly hint: string;
  readonly remaining: number;
}

/** POST /api/sessions/:id/solution */
export interface SolutionAnswer {
  readonly stepId: string;
  readonly script: string;
}

/** GET /api/sessions/:id/report: what a challenge (an interview) comes to. */
export interface ScoreReport {
  readonly lab: string;
  readonly title: string;
  readonly mode: LabMode;
  readonly state: SessionState;
  /** The session ended or every step passed: these figures will not change. */
  readonly final: boolean;
  readonly stepsPassed: number;
  readonly stepsTotal: number;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly timeUsedMs: number;
  readonly timeLimitMs?: number;
  readonly hintsRevealed: number;
  readonly solutionsViewed: number;
  /** The values this session drew for the lab's variables, and their seed (the session id). */
  readonly variant?: { readonly seed: string; readonly values: Readonly<Record<string, string | number>> };
  readonly steps: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly status: StepStatus;
    readonly passedAt?: string;
    readonly hintsRevealed: number;
    readonly solutionViewed: boolean;
    /** For a task not passed: the lab's debrief for it (Markdown), what it was about. */
    readonly debriefMarkdown?: string;
  }>;
}
