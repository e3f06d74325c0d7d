// Each sandbox's disk is capped, but sparse disks overcommit the host (density: most learners
// use little), and paused sandboxes keep theirs for days. Two rules, checked every few
// seconds (statfs is cheap):
// - paused sandboxes together stay within their budget (SLIPWAY_PAUSED_DISK_GIB): the
//   oldest paused ones are removed first;
// - when the host runs low anyway, the oldest paused sandbox goes first, and only when none
//   is left the running session using the most disk is stopped, with a reason that says so.
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import type { Session } from "./session.ts";

export interface DiskGuardDeps {
  readonly driver: Pick<SandboxDriver, "storage">;
  readonly sessions: () => readonly Session[];
  readonly stop: (id: string, reason: string) => Promise<unknown>;
  /** What all paused sandboxes may occupy together. */
  readonly pausedBudgetBytes: number;
  /** Below this much free space on the host, sandboxes are removed and none are started;
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

  /** Returns the ids of the sessions it removed, oldest paused first. */
  async check(): Promise<string[]> {
    const r = await this.d.driver.storage();
    const used = new Map(r.sandboxes.map((s) => [s.id, s.usedBytes]));
    const sessions = this.d.sessions();
    const paused = sessions
      .flatMap((s) =>
        s.status === "paused" ? [{ id: s.id, at: s.pausedAt, bytes: used.get(s.id) ?? 0 }] : [],
      )
      .sort((a, b) => a.at - b.at);
    const removed: string[] = [];
    let pausedBytes = paused.reduce((sum, p) => sum + p.bytes, 0);
    while (pausedBytes > this.d.pausedBudgetBytes && paused.length > 0) {
      const p = paused.shift() as (typeof paused)[number];
      await this.remove(
        p.id,
        `paused sandboxes use more than their ${gib(this.d.pausedBudgetBytes)} of disk, and this one was the oldest`,
      );
      pausedBytes -= p.bytes;
      removed.push(p.id);
    }
    this.low = r.hostFreeBytes < (this.d.lowWaterBytes ?? DiskGuard.lowWaterFor(r.hostTotalBytes));
    if (!this.low || removed.length > 0) return removed;
    const why = `the host's disk was nearly full (${gib(r.hostFreeBytes)} free)`;
    const oldest = paused[0];
    if (oldest) {
      await this.remove(oldest.id, `${why} and this was the oldest paused sandbox`);
      return [oldest.id];
    }
    const victim = sessions
      .filter((s) => s.status === "ready")
      .map((s) => ({ id: s.id, bytes: used.get(s.id) ?? 0 }))
      .sort((a, b) => b.bytes - a.bytes)[0];
    if (!victim) return [];
    await this.remove(victim.id, `${why} and this sandbox used the most (${gib(victim.bytes)})`);
    return [victim.id];
  }

  /** The floor for a host of this size: 5% of it, at least 2 GiB. */
  static lowWaterFor(totalBytes: number): number {
    return Math.max(2 * 1024 ** 3, totalBytes * 0.05);
  }

  private async remove(id: string, why: string): Promise<void> {
    this.d.log("warn", "removing a sandbox to protect the host's disk", { id, why });
    await this.d.stop(id, `stopped to protect the host: ${why}`);
  }
}
