// The session lifecycle: queued → starting → ready → stopping → stopped (or failed, with
// the reason kept). Every transition is written to the store before anything else happens,
// so a crash at any point leaves a state the reconciler can finish.
import { SlipwayError } from "../errors.ts";
import type { EngineGateway } from "../gateway/engine-gateway.ts";
import type { ExecResult, SandboxDriver, SandboxRef, SandboxSpec } from "../sandbox/sandbox-driver.ts";
import { hashToken, newSessionId, newToken } from "./ids.ts";
import type { LabProvider, SessionLab } from "./lab-provider.ts";
import { type Session, type SessionView, isActive, toView } from "./session.ts";
import type { SessionStore } from "./session-store.ts";
import { WarmPool } from "./warm-pool.ts";

export interface SessionManagerDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly gateway: EngineGateway;
  readonly labs: LabProvider;
  readonly clock: () => number;
  readonly stateDir: string;
  readonly instance: string;
  readonly limits: {
    readonly memoryMiB: number;
    readonly cpus: number;
    readonly pids: number;
    readonly diskGiB: number;
  };
  readonly policy: {
    readonly poolSize: number;
    readonly maxConcurrent: number;
    readonly ttlMs: number;
    readonly maxTtlMs: number;
    readonly idleMs: number;
  };
  /** True while the host is too low on disk to start another sandbox. */
  readonly diskLow?: () => boolean;
  /** Told after a session's sandbox is gone, so terminals and watchers can let go. */
  readonly onStopped?: (id: string) => void;
  readonly log: (level: "info" | "warn" | "error", msg: string, data?: object) => void;
}

const TOUCH_WRITE_MS = 5_000;

export class SessionManager {
  readonly pool: WarmPool;
  private readonly lastTouchWrite = new Map<string, number>();
  private readonly launching = new Set<Promise<void>>();

  constructor(private readonly d: SessionManagerDeps) {
    this.pool = new WarmPool({
      driver: d.driver,
      store: d.store,
      size: d.policy.poolSize,
      instance: d.instance,
      spec: (id) => this.spec(id),
      newId: newSessionId,
      clock: d.clock,
      maxAgeMs: d.policy.maxTtlMs + 86_400_000,
      onError: (e) => d.log("warn", "warm pool refill failed", { error: String(e) }),
    });
  }

  gatewayDir(id: string): string {
    return this.d.driver.gatewayDir(id);
  }

  /** Starts a session; resolves once it is ready, failed, or queued behind the capacity limit. */
  async start(labId: string): Promise<{ session: SessionView; token: string }> {
    const lab = await this.d.labs.get(labId);
    if (!lab) throw new SlipwayError("not-found", `no lab "${labId}"`);
    if (this.d.diskLow?.())
      throw new SlipwayError("capacity", "the host is low on disk space: no new sandboxes until some stop");
    const token = newToken();
    const now = this.d.clock();
    const hasRoom = this.activeCount() < this.d.policy.maxConcurrent;
    const pooled = hasRoom && !lab.limits ? this.pool.take() : undefined;
    const base = {
      id: pooled?.id ?? newSessionId(),
      tokenHash: hashToken(token),
      lab: lab.id,
      createdAt: now,
      expiresAt: now + Math.min(lab.timeLimitMs ?? this.d.policy.ttlMs, this.d.policy.maxTtlMs),
      lastActivityAt: now,
    };
    if (!hasRoom) {
      this.d.store.put({ ...base, status: "queued" });
      return { session: this.view(base.id), token };
    }
    this.d.store.put({ ...base, status: "starting" });
    await this.launch(base.id, lab, pooled?.ref);
    return { session: this.view(base.id), token };
  }

  get(id: string): Session {
    const s = this.d.store.get(id);
    if (!s) throw new SlipwayError("not-found", `no session "${id}"`);
    return s;
  }

  view(id: string): SessionView {
    const s = this.get(id);
    if (s.status !== "queued") return toView(s);
    const queued = this.d.store
      .list()
      .filter((q) => q.status === "queued")
      .sort((a, b) => a.createdAt - b.createdAt);
    const position = queued.findIndex((q) => q.id === id) + 1;
    // The n-th in line waits for the n-th active session to expire, at worst.
    const ends = this.d.store
      .list()
      .filter(isActive)
      .map((a) => a.expiresAt)
      .sort((a, b) => a - b);
    const estimate = (ends[position - 1] ?? ends.at(-1) ?? this.d.clock()) - this.d.clock();
    return toView(s, { position, estimatedWaitMs: Math.max(0, estimate) });
  }

  ready(id: string): SandboxRef {
    const s = this.get(id);
    if (s.status !== "ready") throw new SlipwayError("conflict", `session ${id} is ${s.status}, not ready`);
    return s.sandbox;
  }

  async exec(id: string, cmd: readonly string[], timeoutMs = 60_000): Promise<ExecResult> {
    const ref = this.ready(id);
    this.touch(id);
    return this.d.driver.exec(ref, cmd, { timeoutMs, maxOutputBytes: 1024 * 1024 });
  }

  extend(id: string, byMs: number): SessionView {
    const s = this.get(id);
    if (!isActive(s)) throw new SlipwayError("conflict", `session ${id} is ${s.status}`);
    const cap = s.createdAt + this.d.policy.maxTtlMs;
    this.d.store.put({ ...s, expiresAt: Math.min(cap, Math.max(s.expiresAt, this.d.clock()) + byMs) });
    return this.view(id);
  }

  touch(id: string): void {
    const now = this.d.clock();
    if (now - (this.lastTouchWrite.get(id) ?? 0) < TOUCH_WRITE_MS) return;
    const s = this.d.store.get(id);
    if (!s || !isActive(s)) return;
    this.lastTouchWrite.set(id, now);
    this.d.store.put({ ...s, lastActivityAt: now });
  }

  async stop(id: string, reason = "stopped on request"): Promise<SessionView> {
    const s = this.get(id);
    if (s.status === "stopped" || s.status === "failed") return toView(s);
    this.d.store.put({ ...s, status: "stopping", ...(s.status === "ready" ? { sandbox: s.sandbox } : {}) });
    this.d.gateway.close(id);
    await this.d.driver.destroy(id);
    this.d.store.put({ ...s, status: "stopped", stoppedAt: this.d.clock(), reason });
    this.lastTouchWrite.delete(id);
    this.d.onStopped?.(id);
    void this.promoteQueued();
    return this.view(id);
  }

  isActive(id: string): boolean {
    const s = this.d.store.get(id);
    return s !== undefined && isActive(s);
  }

  activeCount(): number {
    return this.d.store.list().filter(isActive).length;
  }

  /** Starts queued sessions while there is room, oldest first. */
  async promoteQueued(): Promise<void> {
    const queued = this.d.store
      .list()
      .filter((s) => s.status === "queued")
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const q of queued) {
      if (this.activeCount() >= this.d.policy.maxConcurrent) return;
      const lab = await this.d.labs.get(q.lab);
      this.d.store.put({ ...q, status: "starting" });
      if (!lab) this.d.store.put({ ...q, status: "failed", reason: `lab ${q.lab} no longer exists` });
      else void this.launch(q.id, lab, undefined);
    }
  }

  spec(id: string, lab?: SessionLab): SandboxSpec {
    return { id, ...this.d.limits, ...lab?.limits };
  }

  /** Waits for sandboxes being started (a promoted queue runs in the background), so a
   *  closing server does not leave one to finish after its store is gone. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.launching]);
  }

  activeIds(): string[] {
    return this.d.store
      .list()
      .filter(isActive)
      .map((s) => s.id);
  }

  private launch(id: string, lab: SessionLab, pooled: SandboxRef | undefined): Promise<void> {
    const p = this.startSandbox(id, lab, pooled).finally(() => this.launching.delete(p));
    this.launching.add(p);
    return p;
  }

  private async startSandbox(id: string, lab: SessionLab, pooled: SandboxRef | undefined): Promise<void> {
    try {
      const s = this.get(id);
      const labels = {
        instance: this.d.instance,
        session: id,
        lab: lab.id,
        expiresAt: new Date(s.expiresAt).toISOString(),
      };
      const ref = pooled ?? (await this.d.driver.create(this.spec(id, lab), labels));
      await this.d.gateway.open(ref, this.gatewayDir(id));
      await this.d.driver.waitReady(ref, 30_000);
      await this.prepare(ref, lab);
      this.d.store.put({ ...this.get(id), status: "ready", sandbox: ref, readyAt: this.d.clock() });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      this.d.log("warn", "session failed to start", { id, reason });
      this.d.gateway.close(id);
      await this.d.driver.destroy(id).catch(() => undefined);
      this.d.store.put({ ...this.get(id), status: "failed", reason });
    } finally {
      if (pooled) void this.pool.refill();
    }
  }

  private async prepare(ref: SandboxRef, lab: SessionLab): Promise<void> {
    const files = await lab.files();
    if (files.length > 0) await this.d.driver.putFiles(ref, files);
    for (const image of lab.images) {
      const r = await this.d.driver.exec(ref, ["docker", "pull", "-q", image], { timeoutMs: 300_000 });
      if (r.exitCode !== 0) throw new Error(`pulling ${image} failed: ${(r.stderr || r.stdout).trim()}`);
    }
    if (!lab.setup) return;
    const r = await this.d.driver.exec(ref, ["bash", "-c", lab.setup], { timeoutMs: 300_000 });
    if (r.exitCode !== 0)
      throw new Error(
        `lab setup exited ${r.exitCode ?? "by timeout"}:\n${(r.stdout + r.stderr).trim().slice(-4000)}`,
      );
  }
}
