// Makes the world match the store, at boot and on an interval: finishes what a crash
// interrupted, adopts running sessions after a restart, has the expiry policy's decisions
// carried out, and removes whatever the driver manages that no session or pool entry owns
// (after kill -9, a crash mid-start, or a lost database).
import type { Log } from "../../logger.ts";
import type { SandboxDriver, SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { SessionLifecycle } from "../lifecycle/session-lifecycle.ts";
import type { WarmPool } from "../launch/warm-pool.ts";
import { isFinished } from "../session.ts";
import type { SessionStore } from "../store/session-store.ts";
import { reapDeadInstances } from "./ephemeral-instance.ts";

export interface ReconcilerDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly gateway: { open(ref: SandboxRef, dir: string): Promise<void> };
  readonly gatewayDir: (id: string) => string;
  readonly lifecycle: SessionLifecycle;
  readonly pool: WarmPool;
  readonly promoteQueued: () => Promise<void>;
  readonly clock: () => number;
  readonly instance: string;
  readonly poolMaxAgeMs: number;
  readonly log: Log;
}

const INTERRUPTED = new Set(["starting", "stopping", "pausing", "resuming"]);

export class SessionReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly d: ReconcilerDeps) {}

  /** After a restart: interrupted moves are finished, ready sessions get their gateway back. */
  async boot(): Promise<void> {
    for (const bad of this.d.store.unreadable())
      this.d.log("error", "a stored session cannot be read; it and its sandbox are left alone", bad);
    for (const s of this.d.store.list()) {
      if (INTERRUPTED.has(s.status)) await this.recover(s.id, true);
      else if (s.status === "ready") await this.d.gateway.open(s.sandbox, this.d.gatewayDir(s.id));
    }
    await this.tick();
  }

  startInterval(ms: number): void {
    this.timer = setInterval(() => void this.tick(), ms);
    this.timer.unref();
  }

  stopInterval(): void {
    clearInterval(this.timer);
  }

  tick(): Promise<void> {
    this.running ??= this.pass()
      .catch((e) => this.d.log("error", "reconcile failed", { error: String(e) }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.d.clock();
    for (const s of this.d.store.list()) {
      // A pause or resume that failed part-way stays so; it is tried again here.
      if (s.status === "pausing" || s.status === "resuming") await this.recover(s.id, false);
      if (this.d.lifecycle.expiryDue(s, now))
        await this.d.lifecycle.expire(s.id).catch((e) => this.warn("expiry failed", s.id, e));
    }
    const managed = await this.d.driver.listManaged({ instance: this.d.instance });
    const sessions = new Map(this.d.store.list().map((s) => [s.id, s]));
    const unreadable = new Set(this.d.store.unreadable().map((u) => u.id));
    const pool = new Map(this.d.store.listPool().map((p) => [p.id, p]));
    for (const m of managed) {
      const s = sessions.get(m.id);
      const owned =
        (s && !isFinished(s) && s.status !== "queued") ||
        unreadable.has(m.id) ||
        pool.has(m.id) ||
        this.d.pool.creating.has(m.id);
      if (owned) continue;
      this.d.log("info", "removing unowned sandbox", { id: m.id, resources: m.resources });
      await this.d.driver.destroy(m.id);
    }
    const reaped = await reapDeadInstances(this.d.driver);
    if (reaped) this.d.log("info", "removed sandboxes of dead lab-test/test processes", { reaped });
    await this.d.driver.prune();
    const byId = new Map(managed.map((m) => [m.id, m]));
    for (const s of sessions.values()) {
      const m = byId.get(s.id);
      // Listed before this loop: checkSandbox looks again under the session's lock.
      if ((s.status === "ready" && !m?.running) || (s.status === "paused" && !m?.ref))
        await this.d.lifecycle.checkSandbox(s.id).catch((e) => this.warn("sandbox check failed", s.id, e));
    }
    const alive = new Set(managed.filter((m) => m.running).map((m) => m.id));
    for (const p of pool.values()) {
      if (alive.has(p.id) && now - p.createdAt < this.d.poolMaxAgeMs) continue;
      await this.d.pool.discard(p);
    }
    await this.d.promoteQueued();
    void this.d.pool.refill();
  }

  private async recover(id: string, booting: boolean): Promise<void> {
    await this.d.lifecycle.recover(id, booting).catch((e) => this.warn("could not finish a move", id, e));
  }

  private warn(msg: string, id: string, e: unknown): void {
    this.d.log("warn", msg, { id, error: String(e) });
  }
}
