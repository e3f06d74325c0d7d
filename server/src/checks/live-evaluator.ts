// Re-checks a lab while the learner works. Triggers (Docker events, file changes, learner
// API calls; wired by the session owner) arrive in bursts, so they are debounced, but never
// for longer than maxWaitMs, so a steady trickle cannot postpone an evaluation forever. One
// evaluation runs at a time and a trigger during it schedules one more. Only status changes
// are emitted. A passed step stays passed unless it is marked sticky: false (a later step
// may tear down what an earlier one built, as in "stop and remove it").
// Some states arrive with no event at all, so a RecheckTimer re-checks pending steps while
// the learner is active.
import type { CheckResult, StepStatus } from "../../../common/lab-types.ts";
import type { CheckContext } from "./check-context.ts";
import type { ParsedCheck } from "./check-registry.ts";
import { runChecks, type RunOptions } from "./check-runner.ts";
import { RecheckTimer, type RecheckOptions } from "./recheck-timer.ts";

export interface LiveLab {
  readonly dir: string;
  readonly steps: readonly {
    readonly id: string;
    readonly checks: readonly ParsedCheck[];
    readonly sticky?: boolean;
  }[];
}

export interface StepChange {
  readonly stepId: string;
  readonly status: StepStatus;
  readonly results: readonly CheckResult[];
}

export interface LiveEvaluatorOptions {
  readonly lab: LiveLab;
  readonly ctx: CheckContext;
  readonly onChange?: (change: StepChange) => void;
  /** Every evaluated step, changed or not (the latest messages for a failing step). */
  readonly onResults?: (change: StepChange, changed: boolean) => void;
  /** Statuses known from before (a restart): passed sticky steps are not run again. */
  readonly initial?: ReadonlyMap<string, StepStatus>;
  readonly debounceMs?: number;
  readonly maxWaitMs?: number;
  readonly run?: RunOptions;
  /** Re-check pending steps every `everyMs` until `activeForMs` after the learner's last action. */
  readonly poll?: RecheckOptions;
}

export class LiveEvaluator {
  private readonly status = new Map<string, StepStatus>();
  private timer: NodeJS.Timeout | undefined;
  private readonly recheck: RecheckTimer | undefined;
  private firstTrigger: number | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** performance.now() when the last evaluation ended. */
  lastFinishedAt = 0;

  constructor(private readonly opts: LiveEvaluatorOptions) {
    for (const s of opts.lab.steps) this.status.set(s.id, opts.initial?.get(s.id) ?? "pending");
    this.recheck = opts.poll && new RecheckTimer(opts.poll, () => void this.evaluateNow());
  }

  statusOf(stepId: string): StepStatus | undefined {
    return this.status.get(stepId);
  }

  /** True while checks are running (their own side effects are not the learner's doing). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** The learner did something that leaves no trace we watch (typed in a terminal). */
  active(): void {
    this.recheck?.active();
    if (!this.recheck?.scheduled && !this.running && !this.stopped) this.recheck?.schedule(0, this.pending);
  }

  /** "Something changed": evaluates once things are quiet for debounceMs (maxWaitMs at most). */
  trigger(): void {
    if (this.stopped) return;
    const now = performance.now();
    this.recheck?.active();
    this.firstTrigger ??= now;
    const wait = Math.min(
      this.opts.debounceMs ?? 150,
      this.firstTrigger + (this.opts.maxWaitMs ?? 500) - now,
    );
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluateNow(), Math.max(0, wait));
  }

  /** Triggers on every event until the iterable ends or stop() is called. */
  async watch(events: AsyncIterable<unknown>): Promise<void> {
    for await (const _ of events) {
      if (this.stopped) return;
      this.trigger();
    }
  }

  /** Evaluates now; if an evaluation is under way, runs one more after it. */
  async evaluateNow(): Promise<void> {
    clearTimeout(this.timer);
    this.firstTrigger = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.hold(async () => {
      do {
        this.again = false;
        await this.evaluate(false);
      } while (this.again && !this.stopped);
    });
    return this.running;
  }

  /** Runs every step's checks now, passed ones included, and applies the outcome. Waits
   *  for an evaluation under way: two at once would only double the sandbox's load. */
  async checkAll(): Promise<StepChange[]> {
    while (this.running) await this.running.catch(() => undefined);
    let out: StepChange[] = [];
    this.running = this.hold(async () => {
      out = await this.evaluate(true);
    });
    await this.running;
    if (this.again && !this.stopped) void this.evaluateNow(); // a trigger that came meanwhile
    return out;
  }

  /** Runs `work` as the one evaluation in flight; then schedules the next timed re-check. */
  private hold(work: () => Promise<void>): Promise<void> {
    this.recheck?.cancel();
    const began = performance.now();
    return work().finally(() => {
      this.running = undefined;
      this.lastFinishedAt = performance.now();
      if (!this.stopped) this.recheck?.schedule(this.lastFinishedAt - began, this.pending);
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.recheck?.cancel();
  }

  /** Some step has not passed yet. */
  private get pending(): boolean {
    return [...this.status.values()].some((st) => st !== "passed");
  }

  private async evaluate(all: boolean): Promise<StepChange[]> {
    const { lab, ctx } = this.opts;
    const out = await Promise.all(
      lab.steps.map(async (step) => {
        const sticky = this.status.get(step.id) === "passed" && step.sticky !== false;
        if (sticky && !all) return undefined;
        const results = await runChecks(step.checks, ctx, lab.dir, this.opts.run);
        if (this.stopped) return undefined;
        const pass = results.every((r) => r.pass);
        const next: StepStatus = pass || sticky ? "passed" : "failed";
        const change = { stepId: step.id, status: next, results };
        const changed = next !== this.status.get(step.id);
        this.status.set(step.id, next);
        this.opts.onResults?.(change, changed);
        if (changed) this.opts.onChange?.(change);
        return change;
      }),
    );
    return out.filter((c) => c !== undefined);
  }
}
