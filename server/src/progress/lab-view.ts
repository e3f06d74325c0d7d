// What the learner's browser gets for a session's lab: the summary, each step as far as
// they may see it (hints as revealed, a solution once opened), and the clock of a timed lab.
import type { SessionLabView, TimerView } from "../../../common/lab-events.ts";
import { type Lab, toLabSummary, toStepView } from "../labs/lab.ts";
import { readLabText } from "../labs/variables/read-lab-text.ts";
import type { Session } from "../sessions/session.ts";
import { allPassed, type LabProgress, stepProgress } from "./progress.ts";

export function timerView(lab: Lab, s: Session, now: number): TimerView | undefined {
  if (lab.sandbox.timeLimitMs === undefined) return undefined;
  const remainingMs = s.status === "stopped" || s.status === "failed" ? 0 : Math.max(0, s.expiresAt - now);
  return { expiresAt: new Date(s.expiresAt).toISOString(), remainingMs, expired: remainingMs === 0 };
}

export async function labView(lab: Lab, s: Session, p: LabProgress, now: number): Promise<SessionLabView> {
  const timer = timerView(lab, s, now);
  const steps = await Promise.all(
    lab.steps.map(async (step) => {
      const sp = stepProgress(p, step.id);
      // A solution the learner opened stays open across reloads, as revealed hints do.
      const solution =
        sp.solutionViewed && step.solution && lab.mode !== "challenge"
          ? await readLabText(lab, step.solution)
          : undefined;
      return toStepView(lab, step, {
        status: sp.status,
        hintsRevealed: sp.hintsRevealed,
        results: sp.results,
        solution,
      });
    }),
  );
  return {
    lab: toLabSummary(lab),
    state: s.status,
    steps,
    completed: allPassed(
      p,
      lab.steps.map((st) => st.id),
    ),
    ...(timer ? { timer } : {}),
  };
}
