// Counts down to a deadline that may move (extensions, the server's timer events), ticking
// once a second and firing `onExpire` once per deadline reached.
export interface CountdownOptions {
  readonly onTick: (remainingMs: number) => void;
  readonly onExpire?: () => void;
  readonly now?: () => number;
  readonly tickMs?: number;
}

export class Countdown {
  private deadline: number | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private expired = false;
  private readonly now: () => number;

  constructor(private readonly opts: CountdownOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** Sets (or moves) the deadline, in epoch milliseconds. */
  setDeadline(at: number): void {
    this.deadline = at;
    this.expired = false;
    if (this.timer === undefined) this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 1000);
    this.tick();
  }

  remaining(): number | undefined {
    return this.deadline === undefined ? undefined : Math.max(0, this.deadline - this.now());
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const left = this.remaining();
    if (left === undefined) return;
    this.opts.onTick(left);
    if (left === 0 && !this.expired) {
      this.expired = true;
      this.opts.onExpire?.();
    }
  }
}
