// The timed re-check behind live evaluation: some states arrive with no event to announce
// them (a server listening seconds after its container started), so while a step is pending
// and the learner was active lately, evaluate again after `everyMs`, but never sooner than
// the last evaluation took (checking at most half the time, however slow a lab's checks).
export interface RecheckOptions {
  readonly everyMs: number;
  /** How long after the learner's last action re-checking goes on. */
  readonly activeForMs: number;
}

export class RecheckTimer {
  private timer: NodeJS.Timeout | undefined;
  private lastActive = performance.now();

  constructor(
    private readonly o: RecheckOptions,
    private readonly recheck: () => void,
  ) {}

  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** The learner did something. */
  active(): void {
    this.lastActive = performance.now();
  }

  /** After an evaluation that took `lastRunMs`: the next re-check, if one is due. */
  schedule(lastRunMs: number, pending: boolean): void {
    this.cancel();
    if (!pending || performance.now() - this.lastActive > this.o.activeForMs) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.recheck();
      },
      Math.max(this.o.everyMs, lastRunMs),
    );
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
