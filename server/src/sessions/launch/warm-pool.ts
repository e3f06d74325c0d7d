// Keeps sandboxes started ahead of learners, so a session starts in the time it takes to hand
// one over. Two kinds: N empty ones for labs that only need files (the playground's kind),
// and per-lab prepared ones, whose lab's images, files and setup are done, sized by demand
// within a memory budget (pool-plan.ts). Refills one at a time in the background: two cores
// do not like parallel engine starts, and a pool is about idle capacity, not burst.
import type { Labels } from "../../sandbox/labels.ts";
import type { SandboxDriver, SandboxRef, SandboxSpec } from "../../sandbox/sandbox-driver.ts";
import type { PooledSandbox, SessionStore } from "../store/session-store.ts";

const FAILED_BACKOFF_MS = 10 * 60_000;

export interface WarmPoolDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  /** Empty sandboxes to keep. */
  readonly size: number;
  readonly instance: string;
  readonly spec: (id: string) => SandboxSpec;
  readonly newId: () => string;
  readonly clock: () => number;
  readonly maxAgeMs: number;
  /** A prepared sandbox older than this is made again: its lab's state has aged (logs,
   *  restart counts, uptimes) past what a fresh start shows. */
  readonly preparedMaxAgeMs: number;
  /** Prepared sandboxes wanted per lab now; none when absent. */
  readonly plan?: () => Promise<ReadonlyMap<string, number>>;
  /** Creates a sandbox for the lab and prepares it as a launch would (the session's gateway
   *  opened, files, images, setup), under this id, which becomes the session's. */
  readonly prepare?: (id: string, lab: string, labels: Labels) => Promise<SandboxRef>;
  /** Lets go of what prepare opened besides the sandbox (the gateway). */
  readonly release?: (id: string) => void;
  readonly onError: (e: unknown) => void;
}

export class WarmPool {
  /** Ids being created right now, with their lab: not yet stored, and not orphans either. */
  readonly creating = new Map<string, string | undefined>();
  /** When a lab's preparation last failed: a broken setup is not retried on every refill. */
  private readonly failedAt = new Map<string, number>();
  private refilling: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly d: WarmPoolDeps) {}

  /** An empty sandbox, if one is ready. */
  take(): PooledSandbox | undefined {
    return this.d.size > 0 ? this.d.store.takePool() : undefined;
  }

  /** A sandbox prepared for this lab, if one is ready. */
  takePrepared(lab: string): PooledSandbox | undefined {
    return this.d.store.takePool(lab);
  }

  /** What the pool holds now, oldest first (prepared ones carry their lab). */
  list(): readonly PooledSandbox[] {
    return this.d.store.listPool();
  }

  ids(): Set<string> {
    return new Set([...this.d.store.listPool().map((p) => p.id), ...this.creating.keys()]);
  }

  /** The lab a pooled or preparing sandbox is for: its gateway's policy is that lab's. */
  labOf(id: string): string | undefined {
    return this.creating.get(id) ?? this.d.store.listPool().find((p) => p.id === id)?.lab;
  }

  refill(): Promise<void> {
    this.refilling ??= this.fill().finally(() => (this.refilling = undefined));
    return this.refilling;
  }

  stop(): void {
    this.stopped = true;
  }

  /** Stops refilling and removes the idle sandboxes: unlike sessions, nobody would miss them
   *  while the server is down, and a stopped Slipway should leave nothing running for nothing. */
  async drain(): Promise<void> {
    this.stop();
    // A preparation may be in a setup of minutes: taking its sandbox away ends it now (its
    // make() then removes whatever a create cut short had left).
    for (const id of this.creating.keys()) await this.d.driver.destroy(id).catch(() => undefined);
    await this.refilling;
    for (const p of this.d.store.listPool()) await this.discard(p);
  }

  /** Removes one from the pool: its entry, what prepare opened, its sandbox. */
  async discard(p: PooledSandbox): Promise<void> {
    this.d.store.deletePool(p.id);
    this.d.release?.(p.id);
    await this.d.driver.destroy(p.id).catch(this.d.onError);
  }

  private async fill(): Promise<void> {
    while (!this.stopped) {
      const plan = (await this.d.plan?.().catch((e) => (this.d.onError(e), undefined))) ?? new Map();
      await this.trim(this.d.store.listPool(), plan);
      if (this.stopped) return;
      const pool = this.d.store.listPool();
      const empty = pool.filter((p) => !p.lab).length;
      const lab =
        empty < this.d.size
          ? undefined
          : [...plan].find(
              ([l, n]) => pool.filter((p) => p.lab === l).length < n && !this.backingOff(l),
            )?.[0];
      if (empty >= this.d.size && lab === undefined) return;
      // A lab that failed is backing off now, so the others still get theirs.
      if (!(await this.make(lab)) && lab === undefined) return;
    }
  }

  /** Prepared sandboxes no longer planned for (demand moved on) or aged go, oldest first. */
  private async trim(pool: readonly PooledSandbox[], plan: ReadonlyMap<string, number>): Promise<void> {
    const now = this.d.clock();
    const kept = new Map<string, number>();
    for (const p of [...pool].reverse()) {
      if (!p.lab) continue;
      const n = (kept.get(p.lab) ?? 0) + 1;
      if (n > (plan.get(p.lab) ?? 0) || now - p.createdAt > this.d.preparedMaxAgeMs) await this.discard(p);
      else kept.set(p.lab, n);
    }
  }

  private backingOff(lab: string): boolean {
    return this.d.clock() - (this.failedAt.get(lab) ?? -Infinity) < FAILED_BACKOFF_MS;
  }

  private async make(lab: string | undefined): Promise<boolean> {
    const id = this.d.newId();
    this.creating.set(id, lab);
    try {
      const now = this.d.clock();
      // Labels cannot change later: the session's real expiry lives in the store.
      const labels: Labels = {
        instance: this.d.instance,
        session: id,
        lab: lab ?? "pool",
        expiresAt: new Date(now + this.d.maxAgeMs).toISOString(),
      };
      let ref: SandboxRef;
      if (lab !== undefined && this.d.prepare) ref = await this.d.prepare(id, lab, labels);
      else {
        ref = await this.d.driver.create(this.d.spec(id), labels);
        await this.d.driver.waitReady(ref, 30_000);
      }
      if (this.stopped) throw new Error("the pool was drained while this sandbox was made");
      this.d.store.putPool({ id, ref, createdAt: now, ...(lab !== undefined ? { lab } : {}) });
      return true;
    } catch (e) {
      if (!this.stopped) this.d.onError(e);
      if (lab !== undefined) this.failedAt.set(lab, this.d.clock());
      this.d.release?.(id);
      await this.d.driver.destroy(id).catch(() => undefined);
      return false;
    } finally {
      this.creating.delete(id);
    }
  }
}
