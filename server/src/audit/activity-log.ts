// Where the gateway's audit trail is kept, per session, capped in size. Listeners let live
// checks re-evaluate on a learner action that changes no Docker state (`docker ps`).
import type { AuditEntry } from "../../../common/audit-entry.ts";

export interface ActivityLog {
  append(sessionId: string, entry: AuditEntry): void;
  /** Oldest first. */
  list(sessionId: string): AuditEntry[];
  /** Returns an unsubscribe function. */
  subscribe(sessionId: string, listener: (entry: AuditEntry) => void): () => void;
  /** Releases what the log holds open (a database connection). */
  close?(): void;
}
