// A session as the API shows it to its learner (and the browser client reads it).
import type { SessionState } from "./lab-events.ts";

/** What the API shows: never the token hash or driver internals. */
export interface SessionView {
  readonly id: string;
  readonly lab: string;
  readonly state: SessionState;
  readonly createdAt: string;
  /** When the time limit runs out; a paused session's running clock stands still. */
  readonly expiresAt: string;
  /** Why it paused, stopped or failed. */
  readonly reason?: string;
  readonly queue?: { readonly position: number; readonly estimatedWaitMs: number };
  /** Paused sessions: since when, and until when the sandbox is kept. */
  readonly pausedAt?: string;
  readonly keptUntil?: string;
}
