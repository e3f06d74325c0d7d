// What happens to a session after it started: activity, extension, pause, resume, stop, and
// expiry as the ExpiryPolicy decides it. One operation at a time per session (SessionLocks);
// each moves the status before it touches the sandbox, so a crash leaves a state that
// recover() finishes.
import { SlipwayError } from "../../errors.ts";
import type { Log } from "../../logger.ts";
import type { SandboxDriver, SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { Session } from "../session.ts";
import type { ExpiryPolicy } from "./expiry-policy.ts";
import type { SessionLocks } from "./session-locks.ts";
import { RestartWatch } from "./restart-watch.ts";
import { SandboxMoves } from "./sandbox-moves.ts";
import type { SessionTransitions } from "./session-transitions.ts";

export interface LifecycleDeps {
  readonly transitions: SessionTransitions;
  readonly locks: SessionLocks;
  readonly expiry: ExpiryPolicy;
  readonly driver: Pick<SandboxDriver, "pause" | "resume" | "destroy" | "listManaged" | "restarting">;
  readonly gateway: { open(ref: SandboxRef, dir: string): Promise<void>; close(id: string): void };
  readonly gatewayDir: (id: string) => string;
  readonly clock: () => number;
  /** Whether one more sandbox may run now (SLIPWAY_MAX_SESSIONS). */
  readonly hasRoom: () => boolean;
  /** A running sandbox stopped or paused: queued sessions may start. */
  readonly onFreed: () => void;
  readonly log: Log;
}

const TOUCH_WRITE_MS = 5_000;

export class SessionLifecycle {
  private readonly lastTouchWrite = new Map<string, number>();

  private readonly moves: SandboxMoves;
  /** Containers a resume is still bringing back, per session. */
  readonly restarts: RestartWatch;

  constructor(private readonly d: LifecycleDeps) {
    this.moves = new SandboxMoves(d);
    this.restarts = new RestartWatch({
      driver: d.driver,
      stillReady: (id) => d.transitions.find(id)?.status === "ready",
      log: d.log,
    });
  }

  /** Learner activity (terminal input, API and Docker calls) pushes the idle timeout back.
   *  Called from inside the gateway and terminals: it never throws. */
  touch(id: string): void {
    const now = this.d.clock();
    if (now - (this.lastTouchWrite.get(id) ?? 0) < TOUCH_WRITE_MS) return;
    const s = this.d.transitions.find(id);
    if (s?.status !== "ready") return;
    this.lastTouchWrite.set(id, now);
    this.d.transitions.patch(id, { lastActivityAt: now });
  }

  extend(id: string, byMs: number): Session {
    const s = this.d.transitions.get(id);
    if (s.status !== "ready" && s.status !== "starting")
      throw new SlipwayError(
        "conflict",
        `session ${id} is ${s.status}: only a running session can be extended`,
      );
    return this.d.transitions.patch(id, { expiresAt: this.d.expiry.extended(s, this.d.clock(), byMs) });
  }

  stop(id: string, reason = "stopped on request"): Promise<Session> {
    return this.d.locks.run(id, async () => {
      const stopped = await this.moves.stop(id, reason);
      this.lastTouchWrite.delete(id);
      return stopped;
    });
  }

  pause(id: string, reason = "paused on request"): Promise<Session> {
    return this.d.locks.run(id, () => this.moves.pause(id, reason));
  }

  resume(id: string): Promise<Session> {
    return this.d.locks.run(id, async () => {
      const was = this.d.transitions.get(id).status;
      const s = await this.moves.resume(id);
      if (was !== "ready" && s.status === "ready") await this.restarts.watch(id, s.sandbox);
      return s;
    });
  }

  /** Acts on the ExpiryPolicy's decision for this session, if it has one now. */
  expire(id: string): Promise<Session> {
    return this.d.locks.run(id, async () => {
      const s = this.d.transitions.get(id);
      const decision = this.d.expiry.decide(s, this.d.clock());
      if (!decision) return s;
      this.d.log(
        "info",
        `session ${decision.action === "pause" ? "paused" : "stopped"}: ${decision.reason}`,
        {
          id,
        },
      );
      return decision.action === "pause"
        ? this.moves.pause(id, decision.reason)
        : this.moves.stop(id, decision.reason);
    });
  }

  /** Whether the expiry policy has something to do about this session now. */
  expiryDue(s: Session, now: number): boolean {
    return this.d.expiry.decide(s, now) !== undefined;
  }

  /** A ready sandbox that no longer runs (the host's engine restarted, say) is paused, its
   *  disk kept; a sandbox that is gone fails its session. */
  checkSandbox(id: string): Promise<Session> {
    return this.d.locks.run(id, async () => {
      const s = this.d.transitions.get(id);
      if (s.status !== "ready" && s.status !== "paused") return s;
      const [m] = await this.d.driver.listManaged({ session: id });
      if (!m?.ref) return this.moves.vanished(id);
      if (s.status === "ready" && !m.running) return this.moves.pause(id, "its sandbox stopped running");
      return s;
    });
  }

  /** Finishes what a crash interrupted. `booting`: nothing of this process is starting it. */
  recover(id: string, booting: boolean): Promise<Session> {
    return this.d.locks.run(id, async () => {
      const s = this.d.transitions.get(id);
      switch (s.status) {
        case "starting":
          if (!booting) return s;
          await this.d.driver.destroy(id).catch(() => undefined);
          return this.d.transitions.move(id, "failed", {
            reason: "the server restarted while the session was starting",
          });
        case "stopping":
          return this.moves.stop(id, s.reason);
        case "pausing":
          return this.moves.pause(id, s.reason);
        case "resuming":
          return this.moves.resume(id);
        default:
          return s;
      }
    });
  }
}
