// API answers the client reads, as common/ defines them for both sides.
import type { AuditEntry } from "../../../common/audit-entry.ts";
import type { SessionView, StartProgress, StartStep } from "../../../common/session-view.ts";

export type { SessionView, StartProgress, StartStep };

export interface StartedSession extends SessionView {
  readonly token: string;
}

/** A learner Docker call, as the activity API lists it. */
export type ActivityEntry = AuditEntry;
