// Shapes of API answers the client reads that are not in common/. They mirror the server's:
// SessionView (server/src/sessions/session.ts) and AuditEntry (server/src/audit).
import type { SessionState } from "../../../common/lab-events.ts";

export interface SessionView {
  readonly id: string;
  readonly lab: string;
  readonly state: SessionState;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly reason?: string;
  readonly queue?: { readonly position: number; readonly estimatedWaitMs: number };
}

export interface StartedSession extends SessionView {
  readonly token: string;
}

export interface ActivityEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly summary: {
    readonly image?: string;
    readonly name?: string;
    readonly flags: readonly string[];
    readonly denied?: string;
  };
}
