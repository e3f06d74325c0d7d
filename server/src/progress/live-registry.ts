// Keeps one LiveSession per ready session: attached when a session turns ready (or at boot,
// when a surviving session is adopted), detached when it stops. Each step change is written
// to the store before it is published, so a restart loses nothing and passed stays passed.
import type { StepChange } from "../checks/live-evaluator.ts";
import { SlipwayError } from "../errors.ts";
import type { Lab } from "../labs/lab.ts";
import { timerView } from "./lab-view.ts";
import { LiveSession } from "./live-session.ts";
import { applyStepChange, stepProgress } from "./progress.ts";
import type { ProgressContext } from "./progress-deps.ts";
import { SessionTimer } from "./session-timer.ts";

interface Attached {
  readonly live: LiveSession;
  readonly timer: SessionTimer | undefined;
}

export class LiveRegistry {
  private readonly attached = new Map<string, Attached>();
  private readonly attaching = new Map<string, Promise<void>>();

  constructor(private readonly c: ProgressContext) {}

  /** The live session of a ready session, attaching it if need be. */
  async get(id: string): Promise<LiveSession> {
    this.c.sessions.ready(id);
    await this.attach(id);
    const a = this.attached.get(id);
    if (!a) throw new SlipwayError("conflict", `session ${id} is not ready`);
    return a.live;
  }

  attach(id: string): Promise<void> {
    if (this.attached.has(id)) return Promise.resolve();
    let pending = this.attaching.get(id);
    if (!pending) {
      pending = this.open(id)
        .catch((e) => this.c.log("warn", "live checks could not start", { id, error: String(e) }))
        .finally(() => this.attaching.delete(id));
      this.attaching.set(id, pending);
    }
    return pending;
  }

  /** The learner is at work in a session (terminal input): its pending steps keep being re-checked. */
  active(id: string): void {
    this.attached.get(id)?.live.active();
  }

  detach(id: string): void {
    const a = this.attached.get(id);
    this.attached.delete(id);
    a?.live.stop();
    a?.timer?.stop();
  }

  detachAll(): void {
    for (const id of [...this.attached.keys()]) this.detach(id);
  }

  private async open(id: string): Promise<void> {
    const lab = await this.c.labOf(this.c.sessions.get(id));
    const s = this.c.sessions.get(id); // again: it may have stopped meanwhile
    if (s.status !== "ready") return;
    const p = this.c.progressOf(s, lab);
    this.c.store.put(p);
    const live = new LiveSession({
      id,
      lab,
      ref: s.sandbox,
      driver: this.c.driver,
      activity: this.c.activity,
      initial: new Map(lab.steps.map((st) => [st.id, stepProgress(p, st.id).status])),
      onResults: (change, changed) => this.record(id, lab, change, changed),
      log: this.c.log,
    });
    const timer = lab.sandbox.timeLimitMs === undefined ? undefined : this.timer(id, lab);
    this.attached.set(id, { live, timer });
    // A lab without steps (the playground) has nothing to re-check: no watchers for it.
    if (this.c.live && lab.steps.length > 0) live.start();
    timer?.start();
  }

  private record(id: string, lab: Lab, change: StepChange, changed: boolean): void {
    const before = this.c.store.get(id);
    if (!before) return;
    const ids = lab.steps.map((s) => s.id);
    const { progress, completed } = applyStepChange(before, change, ids, this.c.clock());
    this.c.store.put(progress);
    if (changed) this.c.events.publish(id, { type: "step", ...change });
    if (completed) this.c.events.publish(id, { type: "completed" });
  }

  private timer(id: string, lab: Lab): SessionTimer {
    const session = () => this.c.sessions.get(id);
    return new SessionTimer({
      expiresAt: () => (session().status === "ready" ? session().expiresAt : undefined),
      clock: this.c.clock,
      onTick: () => {
        const timer = timerView(lab, session(), this.c.clock());
        if (timer) this.c.events.publish(id, { type: "timer", timer });
      },
      onExpired: () => {
        const expiresAt = new Date(session().expiresAt).toISOString();
        this.c.events.publish(id, { type: "timer", timer: { expiresAt, remainingMs: 0, expired: true } });
        void this.c.sessions
          .expire(id)
          .catch((e) => this.c.log("warn", "could not end an expired session", { id, error: String(e) }));
      },
    });
  }
}
