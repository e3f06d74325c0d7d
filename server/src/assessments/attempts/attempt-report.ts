// Reads what an attempt's sessions left (bound lab, progress, audit trail, recording) and
// makes its report. Read before the sandboxes stop.
import type { AssessmentReport } from "../../../../common/assessment-views.ts";
import type { Session } from "../../sessions/session.ts";
import type { Assessment } from "../assessment.ts";
import { assessmentReport, type TaskInputs } from "../report/assessment-report.ts";
import type { Attempt } from "./attempt.ts";
import type { AttemptDeps } from "./attempt-deps.ts";

export async function attemptReport(
  d: AttemptDeps,
  a: Assessment,
  at: Attempt,
  sessions: ReadonlyArray<Session | undefined>,
  end: number,
  reason: string,
): Promise<AssessmentReport> {
  const inputs: TaskInputs[] = [];
  for (const [k, t] of at.tasks.entries()) {
    const s = sessions[k];
    const lab = await d.labs.lab(t.lab, s?.id);
    if (!lab) throw new Error(`lab ${t.lab} of attempt ${at.id} is no longer offered`);
    const recording = s ? d.recording?.(s.id) : undefined;
    inputs.push({
      lab,
      sessionId: s?.id,
      progress: s ? d.progress(s.id) : undefined,
      activity: s ? d.activity(s.id) : [],
      ...(recording ? { recording } : {}),
    });
  }
  return assessmentReport(a, at, inputs, end, reason);
}
