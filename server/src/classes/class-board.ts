// Live dashboards: builds a class's dashboard from the stores, and pushes a new one to its
// watchers soon after anything of the class changes (a step, a session's state, a join) and
// every TICK_MS besides, so idle times and "no progress" flags move with the clock.
import type { DashboardView } from "../../../common/class-views.ts";
import type { LabEvent } from "../../../common/lab-events.ts";
import type { Lab } from "../labs/lab.ts";
import type { Log } from "../logger.ts";
import type { LabProgress } from "../progress/progress.ts";
import type { Session } from "../sessions/session.ts";
import { EventHub } from "../util/event-hub.ts";
import type { ClassRecord } from "./class.ts";
import { classDashboard } from "./class-dashboard.ts";
import type { Classes } from "./classes.ts";

const DEBOUNCE_MS = 50;
const TICK_MS = 2_000;

export interface ClassBoardDeps {
  readonly classes: Pick<Classes, "get" | "members">;
  readonly sessions: () => readonly Session[];
  readonly lab: (id: string) => Promise<Lab | undefined>;
  readonly progress: (sessionId: string) => LabProgress | undefined;
  readonly subscribeAll: (listener: (id: string, e: LabEvent) => void) => () => void;
  readonly session: (id: string) => Session | undefined;
  readonly clock: () => number;
  readonly log: Log;
}

export class ClassBoard {
  private readonly hub = new EventHub<DashboardView>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly ticks = new Map<string, NodeJS.Timeout>();
  private readonly unsubscribe: () => void;

  constructor(private readonly d: ClassBoardDeps) {
    this.unsubscribe = d.subscribeAll((id) => {
      const classId = d.session(id)?.classId;
      if (classId !== undefined) this.changed(classId);
    });
  }

  async dashboard(record: ClassRecord): Promise<DashboardView> {
    const labs = new Map<string, Lab>();
    for (const id of record.labs) {
      const lab = await this.d.lab(id);
      if (lab) labs.set(id, lab);
    }
    return classDashboard({
      record,
      members: this.d.classes.members(record.id),
      sessions: this.d.sessions().filter((s) => s.classId === record.id),
      labs,
      progress: this.d.progress,
      now: this.d.clock(),
    });
  }

  /** Something of the class changed: its watchers get a new dashboard shortly. */
  changed(classId: string): void {
    if (this.hub.count(classId) === 0 || this.pending.has(classId)) return;
    this.pending.set(
      classId,
      setTimeout(() => void this.push(classId), DEBOUNCE_MS),
    );
  }

  /** Returns the unsubscribe. The first dashboard comes from the caller (a snapshot). */
  watch(classId: string, listener: (d: DashboardView) => void): () => void {
    const off = this.hub.subscribe(classId, listener);
    if (!this.ticks.has(classId))
      this.ticks.set(
        classId,
        setInterval(() => this.changed(classId), TICK_MS),
      );
    return () => {
      off();
      if (this.hub.count(classId) > 0) return;
      clearInterval(this.ticks.get(classId));
      this.ticks.delete(classId);
    };
  }

  close(): void {
    this.unsubscribe();
    for (const t of [...this.pending.values(), ...this.ticks.values()]) clearTimeout(t);
  }

  private async push(classId: string): Promise<void> {
    this.pending.delete(classId);
    const record = this.d.classes.get(classId);
    if (!record) return;
    try {
      this.hub.publish(classId, await this.dashboard(record));
    } catch (e) {
      this.d.log("warn", "class dashboard failed", { classId, error: String(e) });
    }
  }
}
