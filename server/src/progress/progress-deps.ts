// What the progress service and its live sessions are built from, and share.
import type { LabEvent } from "../../../common/lab-events.ts";
import type { ActivityLog } from "../audit/activity-log.ts";
import { SlipwayError } from "../errors.ts";
import type { Lab } from "../labs/lab.ts";
import type { LabCatalog } from "../labs/lab-catalog.ts";
import type { Log } from "../logger.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { Session } from "../sessions/session.ts";
import type { EventHub } from "../util/event-hub.ts";
import { newProgress, type LabProgress } from "./progress.ts";
import type { ProgressStore } from "./progress-store.ts";

export interface ProgressDeps {
  /** `expire` asks the sessions' expiry policy, which alone decides whether time is up. */
  readonly sessions: Pick<SessionManager, "get" | "ready" | "expire">;
  readonly listSessions: () => readonly Session[];
  readonly labs: Pick<LabCatalog, "lab">;
  readonly driver: Pick<SandboxDriver, "exec" | "readFile" | "connectEngine" | "watch" | "portEndpoint">;
  readonly activity: ActivityLog;
  readonly store: ProgressStore;
  readonly clock: () => number;
  readonly log: Log;
  /** Re-check on every sandbox change; `lab test` turns it off and checks on its own. */
  readonly live: boolean;
}

/** What the service and its live sessions share. */
export interface ProgressContext extends ProgressDeps {
  readonly events: EventHub<LabEvent>;
  labOf(s: Session): Promise<Lab>;
  /** Stored progress, or a fresh record (stored once the session is live). */
  progressOf(s: Session, lab: Lab): LabProgress;
}

export function progressContext(d: ProgressDeps, events: EventHub<LabEvent>): ProgressContext {
  return {
    ...d,
    events,
    async labOf(s) {
      const lab = await d.labs.lab(s.lab, s.id);
      if (!lab) throw new SlipwayError("not-found", `lab ${s.lab} is no longer offered`);
      return lab;
    },
    progressOf(s, lab) {
      const startedAt = "readyAt" in s ? s.readyAt : s.createdAt;
      const ids = lab.steps.map((st) => st.id);
      return d.store.get(s.id) ?? newProgress(s.id, lab.id, ids, startedAt);
    },
  };
}
