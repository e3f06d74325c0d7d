// Re-checks a lab while the learner works. Triggers (Docker events, file changes; wired by
// the session owner) arrive in bursts, so they are debounced; one evaluation runs at a time
// and a trigger during it schedules one more. Only status changes are emitted. A passed
// step stays passed unless it is marked sticky: false (a later step may tear down what an
// earlier one built, as in "stop and remove it").
import type { CheckResult, StepStatus } from "../../../common/lab-types.ts";
import type { CheckContext } from "./check-context.ts";
import type { ParsedCheck } from "./check-registry.ts";
import { runChecks, type RunOptions } from "./check-runner.ts";

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
  readonly onChange: (change: StepChange) => void;
  readonly debounceMs?: number;
  readonly run?: RunOptions;
}

export class LiveEvaluator {
  private readonly status = new Map<string, StepStatus>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly opts: LiveEvaluatorOptions) {
    for (const s of opts.lab.steps) this.status.set(s.id, "pending");
  }

  statusOf(stepId: string): StepStatus | undefined {
    return this.status.get(stepId);
  }

  /** "Something changed": evaluates once things are quiet for debounceMs. */
  trigger(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.evaluateNow(), this.opts.debounceMs ?? 150);
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
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.evaluateOnce();
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async evaluateOnce(): Promise<void> {
    const { lab, ctx } = this.opts;
    await Promise.all(
      lab.steps.map(async (step) => {
        if (this.status.get(step.id) === "passed" && step.sticky !== false) return;
        const results = await runChecks(step.checks, ctx, lab.dir, this.opts.run);
        if (this.stopped) return;
        const next: StepStatus = results.every((r) => r.pass) ? "passed" : "failed";
        if (next === this.status.get(step.id)) return;
        this.status.set(step.id, next);
        this.opts.onChange({ stepId: step.id, status: next, results });
      }),
    );
  }
}
