// How far a learner got, in words, for a lab card and the My labs list.
import type { LearnerSessionView } from "../../../common/learner-views.ts";

const STATE_WORDS: Partial<Record<LearnerSessionView["state"], string>> = {
  queued: "waiting for a sandbox",
  starting: "starting",
  ready: "running",
  pausing: "pausing",
  paused: "paused",
  resuming: "resuming",
  stopping: "ending",
  stopped: "ended",
  failed: "failed",
};

export const stateWords = (s: LearnerSessionView): string => STATE_WORDS[s.state] ?? s.state;

/** "step 2 of 5", "all 5 steps done", or "" for a lab without steps. */
export function stepsText(s: Pick<LearnerSessionView, "stepsPassed" | "stepCount">): string {
  if (s.stepCount === 0) return "";
  if (s.stepsPassed === s.stepCount) return `all ${s.stepCount} steps done`;
  return `step ${Math.min(s.stepsPassed + 1, s.stepCount)} of ${s.stepCount}`;
}

/** "In progress: step 2 of 5, paused". */
export function inProgressText(s: LearnerSessionView): string {
  const steps = stepsText(s);
  return `In progress: ${steps ? `${steps}, ` : ""}${stateWords(s)}`;
}
