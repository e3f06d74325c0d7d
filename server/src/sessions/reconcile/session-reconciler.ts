// Makes the world match the store, at boot and on an interval: adopts running sessions
// after a restart, stops expired and idle ones, and removes whatever the driver manages that
// no session or pool entry owns (after kill -9, a crash mid-start, or a lost database).
import type { EngineGateway } from "../gateway/engine-gateway.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import { reapDeadInstances } from "./ephemeral-instance.ts";
import type { SessionManager } from "./session-manager.ts";
import type { SessionStore } from "./session-store.ts";

export interface ReconcilerDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly gateway: EngineGateway;
  readonly sessions: SessionManager;
  readonly clock: () => number;
  readonly instance: string;
  readonly idleMs: number;
  readonly poolMaxAgeMs: number;
  readonly log: (level: "info" | "warn" | "error", msg: string, data?: object) => void;
}

export class SessionReconciler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly d: ReconcilerDeps) {}

  /** After a restart: sessions caught mid-start failed; ready ones get their gateway back. */
  async boot(): Promise<void> {
    for (const s of this.d.store.list()) {
      if (s.status === "starting" || s.status === "stopping") {
        await this.d.driver.destroy(s.id).catch(() => undefined);
        this.d.store.put(
          s.status === "starting"
            ? { ...s, status: "failed", reason: "the server restarted while the session was starting" }
            : { ...s, status: "stopped", stoppedAt: this.d.clock(), reason: "stopped on request" },
        );
      } else if (s.status === "ready") {
        await this.d.gateway.open(s.sandbox, this.d.sessions.gatewayDir(s.id));
      }
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
      if (s.status !== "ready") continue;
      if (now >= s.expiresAt) await this.d.sessions.stop(s.id, "time limit reached");
      else if (now - s.lastActivityAt >= this.d.idleMs) await this.d.sessions.stop(s.id, "idle timeout");
    }
    const managed = await this.d.driver.listManaged({ instance: this.d.instance });
    const sessions = new Map(this.d.store.list().map((s) => [s.id, s]));
    const pool = new Map(this.d.store.listPool().map((p) => [p.id, p]));
    const creating = this.d.sessions.pool.creating;
    for (const m of managed) {
      const s = sessions.get(m.id);
      const owned =
        (s && (s.status === "starting" || s.status === "ready")) || pool.has(m.id) || creating.has(m.id);
      if (!owned) {
        this.d.log("info", "removing unowned sandbox", { id: m.id, resources: m.resources });
        await this.d.driver.destroy(m.id);
      }
    }
    const reaped = await reapDeadInstances(this.d.driver);
    if (reaped) this.d.log("info", "removed sandboxes of dead lab-test/test processes", { reaped });
    await this.d.driver.prune();
    const alive = new Set(managed.filter((m) => m.running).map((m) => m.id));
    for (const s of sessions.values()) {
      if (s.status !== "ready" || alive.has(s.id)) continue;
      this.d.gateway.close(s.id);
      await this.d.driver.destroy(s.id);
      this.d.store.put({ ...s, status: "failed", reason: "the sandbox vanished" });
    }
    for (const p of pool.values()) {
      if (alive.has(p.id) && now - p.createdAt < this.d.poolMaxAgeMs) continue;
      this.d.store.deletePool(p.id);
      await this.d.driver.destroy(p.id);
    }
    await this.d.sessions.promoteQueued();
    void this.d.sessions.pool.refill();
  }
}
