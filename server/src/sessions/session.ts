// A learner's session. Persisted state is a discriminated union on `status`.
import type { SessionState } from "../../../common/lab-events.ts";
import type { SessionView } from "../../../common/session-view.ts";
import type { SandboxRef } from "../sandbox/sandbox-driver.ts";

export type { SessionView };

export type SessionStatus = SessionState;

interface SessionBase {
  readonly id: string;
  readonly tokenHash: string;
  readonly lab: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly lastActivityAt: number;
}

export type Session = SessionBase &
  (
    | { readonly status: "queued" }
    | { readonly status: "starting" }
    | { readonly status: "ready"; readonly sandbox: SandboxRef; readonly readyAt: number }
    | { readonly status: "stopping"; readonly sandbox?: SandboxRef }
    | { readonly status: "stopped"; readonly stoppedAt: number; readonly reason: string }
    | { readonly status: "failed"; readonly reason: string }
  );

export const isActive = (s: Session): boolean => s.status === "starting" || s.status === "ready";
export const isFinished = (s: Session): boolean => s.status === "stopped" || s.status === "failed";

export function toView(s: Session, queue?: SessionView["queue"]): SessionView {
  return {
    id: s.id,
    lab: s.lab,
    state: s.status,
    createdAt: new Date(s.createdAt).toISOString(),
    expiresAt: new Date(s.expiresAt).toISOString(),
    ...(s.status === "failed" || s.status === "stopped" ? { reason: s.reason } : {}),
    ...(queue ? { queue } : {}),
  };
}
