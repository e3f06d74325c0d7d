// A learner's labs at a glance: every session with its state and how far its lab got, and per
// lab whether it is not started, in progress (a session not yet ended), or completed (every
// step passed in some session, when, and which session's report shows it).
import type { LabStanding, LearnerSessionView } from "../../../common/learner-views.ts";
import type { LabCatalog } from "../labs/lab-catalog.ts";
import type { LabProgress } from "../progress/progress.ts";
import { allPassed } from "../progress/progress.ts";
import type { SessionManager } from "../sessions/session-manager.ts";

export interface OverviewDeps {
  readonly sessions: Pick<SessionManager, "owned" | "view">;
  readonly labs: Pick<LabCatalog, "lab" | "list">;
  readonly progress: (sessionId: string) => LabProgress | undefined;
}

export class LearnerOverview {
  constructor(private readonly d: OverviewDeps) {}

  /** Newest first. */
  async sessions(learnerId: string): Promise<LearnerSessionView[]> {
    return Promise.all(
      this.d.sessions.owned(learnerId).map(async (s) => {
        const lab = await this.d.labs.lab(s.lab);
        const steps = lab?.steps.map((st) => st.id) ?? [];
        const p = this.d.progress(s.id);
        const stepsPassed = steps.filter((id) => p?.steps[id]?.status === "passed").length;
        const done = p && allPassed(p, steps) ? p.finishedAt : undefined;
        return {
          ...this.d.sessions.view(s.id),
          labTitle: lab?.title ?? s.lab,
          stepsPassed,
          stepCount: steps.length,
          ...(done !== undefined ? { completedAt: new Date(done).toISOString() } : {}),
        };
      }),
    );
  }

  async labs(learnerId: string): Promise<LabStanding[]> {
    const sessions = await this.sessions(learnerId);
    return (await this.d.labs.list()).map((lab): LabStanding => {
      const mine = sessions.filter((s) => s.lab === lab.id);
      const open = mine.find((s) => s.state !== "stopped" && s.state !== "failed");
      if (open) return { lab: lab.id, standing: "in-progress", session: open };
      const done = mine
        .filter((s) => s.completedAt !== undefined)
        .sort((a, b) => Date.parse(a.completedAt ?? "") - Date.parse(b.completedAt ?? ""))[0];
      if (done?.completedAt)
        return { lab: lab.id, standing: "completed", completedAt: done.completedAt, session: done };
      return { lab: lab.id, standing: "not-started" };
    });
  }
}
