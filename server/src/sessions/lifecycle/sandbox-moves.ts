// The moves that act on a sandbox: stop, pause, resume, and giving up on one that vanished.
// Each moves the status first and then does the work, so a crash leaves a state the next
// call finishes (every one of them is idempotent). The caller holds the session's lock.
import { SlipwayError } from "../../errors.ts";
import type { Session, SessionIn } from "../session.ts";
import type { LifecycleDeps } from "./session-lifecycle.ts";

/** The nested dockerd answers once it has loaded its containers and networks (seconds), and
 *  restarts those with a restart policy after that; a very busy host has taken a minute. */
const RESUME_READY_MS = 120_000;

export class SandboxMoves {
  constructor(private readonly d: LifecycleDeps) {}

  async stop(id: string, reason: string): Promise<Session> {
    const s = this.d.transitions.get(id);
    if (s.status === "stopped" || s.status === "failed") return s;
    const held = s.status !== "queued";
    if (held) {
      const sandbox = "sandbox" in s ? s.sandbox : undefined;
      if (s.status !== "stopping")
        this.d.transitions.move(id, "stopping", { reason, ...(sandbox ? { sandbox } : {}) });
      this.d.gateway.close(id);
      await this.d.driver.destroy(id);
    }
    const stopped = this.d.transitions.move(id, "stopped", { stoppedAt: this.d.clock(), reason });
    if (held) this.d.onFreed();
    return stopped;
  }

  async pause(id: string, reason: string): Promise<Session> {
    const s = this.d.transitions.get(id);
    if (s.status === "paused") return s;
    if (s.status !== "ready" && s.status !== "pausing")
      throw new SlipwayError(
        "conflict",
        `session ${id} is ${s.status}: only a running session can be paused`,
      );
    const { sandbox, readyAt } = s;
    if (s.status === "ready") this.d.transitions.move(id, "pausing", { sandbox, readyAt, reason });
    this.d.gateway.close(id);
    try {
      await this.d.driver.pause(sandbox);
    } catch (e) {
      // Still "pausing": the next reconcile pass (or boot) tries again.
      if (isGone(e)) return this.vanished(id);
      throw e;
    }
    const paused = this.d.transitions.move(id, "paused", {
      sandbox,
      readyAt,
      reason,
      pausedAt: this.d.clock(),
    });
    this.d.onFreed();
    return paused;
  }

  async resume(id: string): Promise<Session> {
    const s = this.d.transitions.get(id);
    if (s.status === "ready") return s;
    if (s.status !== "paused" && s.status !== "resuming")
      throw new SlipwayError(
        "conflict",
        `session ${id} is ${s.status}: only a paused session can be resumed`,
      );
    if (s.status === "paused") this.checkResumable(s);
    const { sandbox, readyAt, pausedAt, reason } = s;
    if (s.status === "paused")
      this.d.transitions.move(id, "resuming", { sandbox, readyAt, pausedAt, reason });
    try {
      await this.d.driver.resume(sandbox, RESUME_READY_MS);
      await this.d.gateway.open(sandbox, this.d.gatewayDir(id));
    } catch (e) {
      if (isGone(e)) return this.vanished(id);
      // The disk is still there: back to paused, so the learner can try again.
      this.d.gateway.close(id);
      await this.d.driver.pause(sandbox).catch(() => undefined);
      const why = `it could not be resumed: ${(e as Error).message}`;
      this.d.transitions.move(id, "paused", { sandbox, readyAt, pausedAt, reason: why });
      throw new SlipwayError("unavailable", `session ${id}: ${why}`);
    }
    const now = this.d.clock();
    const window = this.d.expiry.resumed(s, now);
    return this.d.transitions.move(id, "ready", { sandbox, readyAt }, { ...window, lastActivityAt: now });
  }

  private checkResumable(s: SessionIn<"paused">): void {
    const decision = this.d.expiry.decide(s, this.d.clock());
    if (decision?.action === "stop")
      throw new SlipwayError("conflict", `session ${s.id} cannot be resumed: ${decision.reason}`);
    if (!this.d.hasRoom())
      throw new SlipwayError("capacity", "every sandbox slot is taken: try resuming again in a few minutes");
  }

  async vanished(id: string): Promise<Session> {
    this.d.gateway.close(id);
    await this.d.driver.destroy(id).catch(() => undefined);
    return this.d.transitions.move(id, "failed", { reason: "the sandbox vanished" });
  }
}

const isGone = (e: unknown): boolean => e instanceof SlipwayError && e.code === "not-found";
