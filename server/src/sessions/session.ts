// A learner's session. Persisted state is a discriminated union on `status`; which status may
// follow which is in lifecycle/session-transitions.ts, the only code that moves it.
import type { SessionState } from "../../../common/lab-events.ts";
import type { SessionView } from "../../../common/session-view.ts";
import type { SandboxRef } from "../sandbox/sandbox-driver.ts";

export type { SessionView };

export type SessionStatus = SessionState;

/** "wall": a timed lab's clock runs on while the session is paused. "running": only running
 *  time counts, and a resume starts a fresh time limit (see lifecycle/expiry-policy.ts). */
export type SessionClock = "wall" | "running";

export interface SessionBase {
  readonly id: string;
  readonly tokenHash: string;
  readonly lab: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** The latest `expiresAt` an extension may reach (the max-TTL cap). */
  readonly capAt: number;
  readonly clock: SessionClock;
  readonly lastActivityAt: number;
  /** The learner identity it belongs to; none for sessions started with the API or CLI. */
  readonly owner?: string;
  /** The class it was started in: its owner's class, when that class runs this lab. */
  readonly classId?: string;
  /** Where its sandbox came from: prepared for its lab by the pool, an empty pooled one, or new. */
  readonly origin?: "prepared" | "pool" | "fresh";
  /** The assessment attempt it is a task of, and which task (an index into its draw). */
  readonly attempt?: { readonly id: string; readonly task: number };
}

interface Kept {
  readonly sandbox: SandboxRef;
  /** When the learner first got control. */
  readonly readyAt: number;
}

interface Paused extends Kept {
  readonly pausedAt: number;
  /** Why it paused: on request, idle, the time limit. */
  readonly reason: string;
}

export type Session = SessionBase &
  (
    | { readonly status: "queued" }
    | { readonly status: "starting" }
    | ({ readonly status: "ready" } & Kept)
    | ({ readonly status: "pausing" } & Kept & { readonly reason: string })
    | ({ readonly status: "paused" } & Paused)
    | ({ readonly status: "resuming" } & Paused)
    | { readonly status: "stopping"; readonly sandbox?: SandboxRef; readonly reason: string }
    | { readonly status: "stopped"; readonly stoppedAt: number; readonly reason: string }
    | { readonly status: "failed"; readonly reason: string }
  );

export type SessionIn<S extends SessionStatus> = Extract<Session, { readonly status: S }>;

/** Holds a running sandbox (or one being started): counts against SLIPWAY_MAX_SESSIONS. */
export const isRunning = (s: Session): boolean =>
  s.status === "starting" || s.status === "ready" || s.status === "resuming" || s.status === "pausing";
export const isFinished = (s: Session): boolean => s.status === "stopped" || s.status === "failed";

export function toView(
  s: Session,
  extra: Pick<SessionView, "queue" | "starting" | "restarting"> & { keptUntil?: number } = {},
): SessionView {
  return {
    id: s.id,
    lab: s.lab,
    state: s.status,
    createdAt: new Date(s.createdAt).toISOString(),
    expiresAt: new Date(s.expiresAt).toISOString(),
    ...("reason" in s ? { reason: s.reason } : {}),
    ...(extra.queue ? { queue: extra.queue } : {}),
    ...("pausedAt" in s ? { pausedAt: new Date(s.pausedAt).toISOString() } : {}),
    ...(extra.keptUntil !== undefined ? { keptUntil: new Date(extra.keptUntil).toISOString() } : {}),
    ...(extra.starting ? { starting: extra.starting } : {}),
    ...(extra.restarting ? { restarting: extra.restarting } : {}),
  };
}
