// Sessions wait here while every sandbox slot (SLIPWAY_MAX_SESSIONS) is taken: oldest first,
// each told its place and a worst-case wait. Paused sessions hold no slot.
import type { SessionView } from "../../../../common/session-view.ts";
import type { LabProvider, SessionLab } from "../lab-provider.ts";
import type { SessionTransitions } from "../lifecycle/session-transitions.ts";
import { type Session, isRunning } from "../session.ts";

export interface QueueDeps {
  readonly list: () => readonly Session[];
  readonly transitions: SessionTransitions;
  readonly labs: LabProvider;
  readonly maxConcurrent: number;
  readonly clock: () => number;
  /** Starts a promoted session's sandbox in the background. */
  readonly launch: (id: string, lab: SessionLab) => void;
}

export class SessionQueue {
  private promoting: Promise<void> = Promise.resolve();

  constructor(private readonly d: QueueDeps) {}

  runningCount(): number {
    return this.d.list().filter(isRunning).length;
  }

  hasRoom(): boolean {
    return this.runningCount() < this.d.maxConcurrent;
  }

  /** A queued session's place in line, and how long it may wait at worst. */
  place(id: string): NonNullable<SessionView["queue"]> {
    const all = this.d.list();
    const queued = this.queued(all);
    const position = queued.findIndex((q) => q.id === id) + 1;
    // The n-th in line waits for the n-th running session to reach its limit, at worst.
    const ends = all
      .filter((s) => s.status === "ready" || s.status === "starting")
      .map((s) => s.expiresAt)
      .sort((a, b) => a - b);
    const now = this.d.clock();
    const estimate = (ends[position - 1] ?? ends.at(-1) ?? now) - now;
    return { position, estimatedWaitMs: Math.max(0, estimate) };
  }

  /** Starts queued sessions while there is room, oldest first. One pass at a time, so two
   *  slots freed at once do not both hand out the last one. */
  promote(): Promise<void> {
    this.promoting = this.promoting.then(() => this.pass()).catch(() => undefined);
    return this.promoting;
  }

  /** Resolves once the promotions asked for so far are done (their launches begun). */
  settled(): Promise<void> {
    return this.promoting;
  }

  private async pass(): Promise<void> {
    for (const q of this.queued(this.d.list())) {
      if (!this.hasRoom()) return;
      const lab = await this.d.labs.get(q.lab);
      if (!lab) {
        this.d.transitions.move(q.id, "failed", { reason: `lab ${q.lab} no longer exists` });
        continue;
      }
      this.d.transitions.move(q.id, "starting", {});
      this.d.launch(q.id, lab);
    }
  }

  private queued(all: readonly Session[]): Session[] {
    return all.filter((s) => s.status === "queued").sort((a, b) => a.createdAt - b.createdAt);
  }
}
