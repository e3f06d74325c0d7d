// Each sandbox's disk is capped, but sparse disks overcommit the host (density: most learners
// use little). When the host runs low anyway, this stops the sandbox using the most disk,
// with a reason that says so, before anything else on the host fails. statfs is cheap, so
// it can run every few seconds.
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";

export interface DiskGuardDeps {
  readonly driver: Pick<SandboxDriver, "storage">;
  /** Only sessions count; pooled sandboxes are near empty. */
  readonly isActiveSession: (id: string) => boolean;
  readonly stop: (id: string, reason: string) => Promise<unknown>;
  /** Below this much free space on the host, sandboxes are stopped and none are started;
   *  by default lowWaterFor(the host's size). */
  readonly lowWaterBytes?: number;
  readonly log: (level: "info" | "warn" | "error", msg: string, data?: object) => void;
}

const gib = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GiB`;

export class DiskGuard {
  private low = false;

  constructor(private readonly d: DiskGuardDeps) {}

  /** As of the last check; new sessions are refused while it holds. */
  get lowOnDisk(): boolean {
    return this.low;
  }

  /** Returns the id of the session it stopped, if any. */
  async check(): Promise<string | undefined> {
    const r = await this.d.driver.storage();
    this.low = r.hostFreeBytes < (this.d.lowWaterBytes ?? DiskGuard.lowWaterFor(r.hostTotalBytes));
    if (!this.low) return undefined;
    const victim = r.sandboxes
      .filter((s) => this.d.isActiveSession(s.id))
      .sort((a, b) => b.usedBytes - a.usedBytes)[0];
    if (!victim) return undefined;
    const reason = `stopped to protect the host: its disk was nearly full (${gib(r.hostFreeBytes)} free) and this sandbox used the most (${gib(victim.usedBytes)})`;
    this.d.log("warn", "host low on disk: stopping a sandbox", { id: victim.id, used: victim.usedBytes });
    await this.d.stop(victim.id, reason);
    return victim.id;
  }

  /** The floor for a host of this size: 5% of it, at least 2 GiB. */
  static lowWaterFor(totalBytes: number): number {
    return Math.max(2 * 1024 ** 3, totalBytes * 0.05);
  }
}
