// The one place that decides when a session's time is up, and what then happens. The
// reconciler and a timed lab's timer only ask; they never decide.
// - A session's time limit (SLIPWAY_SESSION_TTL, or a timed lab's own) and the max-TTL cap
//   that extensions cannot pass are set here when it starts and when it resumes.
// - A guided lab's clock counts running time: at its limit, or idle, it is paused (the learner
//   keeps their work), and a resume starts a fresh limit.
// - A timed lab (a challenge) runs on the wall clock, paused or not: at its limit it stops.
// - A paused sandbox is kept for SLIPWAY_PAUSED_RETENTION, then removed.
import type { Session, SessionBase, SessionClock } from "../session.ts";

export interface ExpiryRules {
  readonly ttlMs: number;
  readonly maxTtlMs: number;
  readonly idleMs: number;
  readonly retentionMs: number;
}

export type ExpiryDecision = { readonly action: "pause" | "stop"; readonly reason: string } | undefined;

export type TimeWindow = Pick<SessionBase, "expiresAt" | "capAt" | "clock">;

export const TIME_LIMIT_REACHED = "time limit reached";

export class ExpiryPolicy {
  constructor(readonly rules: ExpiryRules) {}

  /** A new session's limit and cap. */
  window(now: number, labLimitMs: number | undefined): TimeWindow {
    const clock: SessionClock = labLimitMs === undefined ? "running" : "wall";
    return {
      expiresAt: now + Math.min(labLimitMs ?? this.rules.ttlMs, this.rules.maxTtlMs),
      capAt: now + this.rules.maxTtlMs,
      clock,
    };
  }

  /** A resumed session's limit and cap: fresh on a running clock, unchanged on a wall clock. */
  resumed(s: Session, now: number): TimeWindow {
    if (s.clock === "wall") return { expiresAt: s.expiresAt, capAt: s.capAt, clock: s.clock };
    return { ...this.window(now, undefined), clock: "running" };
  }

  /** The new expiry after an extension, held under the cap. */
  extended(s: Session, now: number, byMs: number): number {
    return Math.min(s.capAt, Math.max(s.expiresAt, now) + byMs);
  }

  /** When a paused sandbox is removed. */
  keptUntil(s: Session): number | undefined {
    if (s.status !== "paused" && s.status !== "resuming") return undefined;
    const kept = s.pausedAt + this.rules.retentionMs;
    return s.clock === "wall" ? Math.min(kept, s.expiresAt) : kept;
  }

  decide(s: Session, now: number): ExpiryDecision {
    if (s.status === "ready") {
      if (now >= s.expiresAt)
        return { action: s.clock === "wall" ? "stop" : "pause", reason: TIME_LIMIT_REACHED };
      if (now - s.lastActivityAt >= this.rules.idleMs)
        return { action: "pause", reason: `no activity for ${minutes(this.rules.idleMs)}` };
      return undefined;
    }
    if (s.status === "paused") {
      if (s.clock === "wall" && now >= s.expiresAt) return { action: "stop", reason: TIME_LIMIT_REACHED };
      if (now - s.pausedAt >= this.rules.retentionMs)
        return {
          action: "stop",
          reason: `it was paused for ${days(this.rules.retentionMs)}, the longest a sandbox is kept`,
        };
    }
    return undefined;
  }
}

const minutes = (ms: number) =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
const days = (ms: number) =>
  ms < 86_400_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 86_400_000)} days`;
