// Assessments as the browser and the API see them: the catalog entry, an attempt in
// progress, and the report kept when it ends (also what the JSON export and share link show).

export interface AssessmentSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly tasks: number;
  readonly timeLimitMs: number;
  readonly passLine: number;
}

export interface AttemptTaskView {
  readonly index: number;
  readonly lab: string;
  readonly title: string;
  /** Its session, once started (the next task's is started ahead). */
  readonly session?: { readonly id: string; readonly state: string; readonly token?: string };
  readonly passed: boolean;
}

export interface AttemptView {
  readonly id: string;
  readonly assessment: string;
  readonly title: string;
  readonly current: number;
  readonly startedAt: string;
  readonly endsAt: string;
  readonly finishedAt?: string;
  readonly endReason?: string;
  readonly tasks: readonly AttemptTaskView[];
}

/** One Docker call of the candidate's, as a command (plumbing calls left out). */
export interface TimelineEntry {
  readonly at: string;
  /** Seconds since the attempt started. */
  readonly t: number;
  readonly command: string;
  readonly status: number;
  readonly denied?: string;
}

export interface ReportStep {
  readonly id: string;
  readonly title: string;
  readonly passed: boolean;
  /** What still failed at the end: each check's expected-vs-actual. */
  readonly failing: ReadonlyArray<{ readonly check: string; readonly errors: readonly string[] }>;
  readonly debriefMarkdown?: string;
}

export interface ReportTask {
  readonly index: number;
  readonly lab: string;
  readonly title: string;
  readonly passed: boolean;
  readonly stepsPassed: number;
  readonly stepsTotal: number;
  /** Whole seconds the task was open before it passed; unset if it never did. */
  readonly secondsToSolve?: number;
  /** Whole seconds the task was open in all. */
  readonly secondsOpen: number;
  /** Evaluations of its checks before it passed (or in all), and how many failed. */
  readonly checkRuns: number;
  readonly failedRuns: number;
  readonly hintsUsed: number;
  /** Points taken off (of the task's 100) for hints. */
  readonly penalty: number;
  readonly score: number;
  readonly variant?: { readonly seed: string; readonly values: Readonly<Record<string, string | number>> };
  readonly steps: readonly ReportStep[];
  readonly timeline: readonly TimelineEntry[];
  /** The terminal as asciicast v2 (header line, then `[t, "o", data]` lines), size-capped. */
  readonly recording?: string;
  readonly recordingTruncated?: boolean;
}

export interface AssessmentReport {
  readonly attempt: string;
  readonly assessment: string;
  readonly title: string;
  readonly seed: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly endReason: string;
  readonly timeLimitMs: number;
  /** Percent, one decimal. */
  readonly score: number;
  readonly passLine: number;
  readonly passed: boolean;
  readonly tasks: readonly ReportTask[];
}
