// The clock of a timed lab: tells the learner the time left at every full minute, then at
// 30 s and 10 s, and ends the session at zero. The expiry is read afresh at every tick, so
// an extension moves the remaining marks with it.

/** The remaining time at which the next tick fires, for a given time left. */
export function nextMark(remainingMs: number): number {
  if (remainingMs > 60_000) return Math.ceil(remainingMs / 60_000) * 60_000 - 60_000;
  if (remainingMs > 30_000) return 30_000;
  if (remainingMs > 10_000) return 10_000;
  return 0;
}

export interface SessionTimerDeps {
  /** Epoch ms; undefined once the session has no expiry any more (it ended). */
  readonly expiresAt: () => number | undefined;
  readonly clock: () => number;
  readonly onTick: (remainingMs: number, expiresAt: number) => void;
  readonly onExpired: () => void;
}

export class SessionTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly d: SessionTimerDeps) {}

  start(): void {
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    const expiresAt = this.d.expiresAt();
    if (this.stopped || expiresAt === undefined) return;
    const remaining = expiresAt - this.d.clock();
    if (remaining <= 0) return void this.d.onExpired();
    this.timer = setTimeout(
      () => {
        const at = this.d.expiresAt();
        if (this.stopped || at === undefined) return;
        const left = at - this.d.clock();
        if (left > 0) this.d.onTick(left, at);
        this.schedule();
      },
      remaining - nextMark(remaining),
    );
    this.timer.unref();
  }
}
