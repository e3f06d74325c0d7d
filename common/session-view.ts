// A session as the API shows it to its learner (and the browser client reads it).
import type { SessionState } from "./lab-events.ts";

/** What the API shows: never the token hash or driver internals. */
export interface SessionView {
  readonly id: string;
  readonly lab: string;
  readonly state: SessionState;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly reason?: string;
  readonly queue?: { readonly position: number; readonly estimatedWaitMs: number };
}
