// Lab DTOs shared by the browser client and the server. Plain data only: no paths on disk,
// no solutions but those the learner opened, nothing that would let the client skip the work.
export type LabLevel = "beginner" | "intermediate" | "advanced";
export type LabMode = "guided" | "challenge";

export interface LabSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly level: LabLevel;
  readonly mode: LabMode;
  /** Milliseconds, parsed from the lab's `duration`. */
  readonly durationMs: number;
  readonly tags: readonly string[];
  /** What the lab teaches, a line each. */
  readonly covers: readonly string[];
  /** Ids of labs to take first. */
  readonly prerequisites: readonly string[];
  readonly stepCount: number;
  /** Challenge mode only: when the sandbox is taken away. */
  readonly timeLimitMs?: number;
}

/** A learning path: labs in the order to take them (labs/tracks.yaml). */
export interface Track {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly labs: readonly string[];
}

/** Result of one check; a failure is data, with errors that say expected vs actual. */
export interface CheckResult {
  readonly name: string;
  readonly type: string;
  readonly pass: boolean;
  readonly errors: readonly string[];
  readonly durationMs: number;
  /** A plain sentence for the learner ("No container named hello is running yet"), when
   *  the check type gives one; `errors` keeps the exact expected-vs-actual. */
  readonly summary?: string;
}

export type StepStatus = "pending" | "checking" | "passed" | "failed";

export interface StepView {
  readonly id: string;
  readonly title: string;
  /** Rendered by the client from Markdown. */
  readonly bodyMarkdown: string;
  readonly status: StepStatus;
  /** How many hints exist; the client asks for them one at a time. */
  readonly hintCount: number;
  /** Hints revealed so far, in order. */
  readonly hints: readonly string[];
  /** The solution script, only once the learner has opened it (never in a challenge), so a
   *  reload shows it again as it shows revealed hints. */
  readonly solution?: string;
  readonly results: readonly CheckResult[];
}

export interface StepResult {
  readonly stepId: string;
  readonly pass: boolean;
  readonly results: readonly CheckResult[];
}
