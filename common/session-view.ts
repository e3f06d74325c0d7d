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
  /** A starting session: the steps its start takes and the one under way, for the page. */
  readonly starting?: StartProgress;
  /** Just resumed: how many containers with restart policies the engine is still bringing
   *  back, as after a reboot. */
  readonly restarting?: number;
}

/** sandbox: made, or taken from the warm pool; engine: its dockerd answers; files: the lab's
 *  files in the workspace; images: the lab's images in the engine; setup: the lab's script. */
export type StartStep = "sandbox" | "engine" | "files" | "images" | "setup";

export interface StartProgress {
  readonly steps: readonly StartStep[];
  readonly current: StartStep;
  /** The sandbox came ready-made from the warm pool. */
  readonly pooled: boolean;
  /** The images step: which images. */
  readonly images: readonly string[];
}
