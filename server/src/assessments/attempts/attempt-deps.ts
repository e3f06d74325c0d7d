import type { AuditEntry } from "../../../../common/audit-entry.ts";
import type { Lab } from "../../labs/lab.ts";
import type { KeyedLearner } from "../../learners/learner.ts";
import type { Log } from "../../logger.ts";
import type { LabProgress } from "../../progress/progress.ts";
import type { Session } from "../../sessions/session.ts";
import type { StartOptions } from "../../sessions/session-manager.ts";
import type { Assessment } from "../assessment.ts";
import type { AttemptStore } from "./attempt-store.ts";

/** What attempts need from the rest of Slipway, wired in app.ts. */
export interface AttemptDeps {
  readonly assessments: () => Promise<readonly Assessment[]>;
  /** A lab; with a session id, as that session saw it (its variant). */
  readonly labs: { lab(id: string, sessionId?: string): Promise<Lab | undefined> };
  readonly listSessions: () => Session[];
  readonly startSession: (
    lab: string,
    owner: KeyedLearner | undefined,
    opts: StartOptions,
  ) => Promise<unknown>;
  readonly stopSession: (id: string, reason: string) => Promise<unknown>;
  readonly progress: (sessionId: string) => LabProgress | undefined;
  readonly activity: (sessionId: string) => AuditEntry[];
  /** The session's terminal as asciicast v2, if it was recorded. */
  readonly recording?: (sessionId: string) => { cast: string; truncated: boolean } | undefined;
  /** Forgets a recording once the report holds it. */
  readonly dropRecording?: (sessionId: string) => void;
  readonly store: AttemptStore;
  readonly clock: () => number;
  readonly log: Log;
}
