// Keeps N idle sandboxes started, so a learner's session starts in the time it takes to
// hand one over. Refills one at a time in the background: two cores do not like parallel
// engine starts, and a pool is about idle capacity, not burst.
import type { Labels } from "../../sandbox/labels.ts";
import type { SandboxDriver, SandboxSpec } from "../../sandbox/sandbox-driver.ts";
import type { SessionStore } from "../store/session-store.ts";

export interface WarmPoolDeps {
  readonly driver: SandboxDriver;
  readonly store: SessionStore;
  readonly size: number;
  readonly instance: string;
  readonly spec: (id: string) => SandboxSpec;
  readonly newId: () => string;
  readonly clock: () => number;
  readonly maxAgeMs: number;
  readonly onError: (e: unknown) => void;
}

export class WarmPool {
  /** Ids being created right now: not yet stored, and not orphans either. */
  readonly creating = new Set<string>();
  private refilling: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly d: WarmPoolDeps) {}

  take() {
    return this.d.size > 0 ? this.d.store.takePool() : undefined;
  }

  ids(): Set<string> {
    return new Set([...this.d.store.listPool().map((p) => p.id), ...this.creating]);
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
    await this.refilling;
    for (let p = this.d.store.takePool(); p; p = this.d.store.takePool())
      await this.d.driver.destroy(p.id).catch(this.d.onError);
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.d.store.listPool().length < this.d.size) {
      const id = this.d.newId();
      this.creating.add(id);
      try {
        const now = this.d.clock();
        // Labels cannot change later: the session's real expiry lives in the store.
        const labels: Labels = {
          instance: this.d.instance,
          session: id,
          lab: "pool",
          expiresAt: new Date(now + this.d.maxAgeMs).toISOString(),
        };
        const ref = await this.d.driver.create(this.d.spec(id), labels);
        await this.d.driver.waitReady(ref, 30_000);
        this.d.store.putPool({ id, ref, createdAt: now });
      } catch (e) {
        this.d.onError(e);
        await this.d.driver.destroy(id).catch(() => undefined);
        return;
      } finally {
        this.creating.delete(id);
      }
    }
  }
}
