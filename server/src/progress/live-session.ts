// One ready session's checks, kept current: a LiveEvaluator over a check context on the
// sandbox, triggered by the sandbox's changes (engine events, workspace files) and by the
// learner's Docker calls in the activity log (`docker ps` changes no state, yet a step may
// wait for it). A state that no event announces (a server that starts listening seconds
// after its container started) is caught by re-checking pending steps every second while
// the learner is active (those triggers, or typing in a terminal: active()), for a minute
// after the last. Everything it starts ends with stop(): watchers, subscription, timers.
import type { StepStatus } from "../../../common/lab-types.ts";
import type { ActivityLog } from "../audit/activity-log.ts";
import type { CheckContext } from "../checks/check-context.ts";
import { liveCheckContext } from "../checks/live-check-context.ts";
import { LiveEvaluator, type StepChange } from "../checks/live-evaluator.ts";
import type { Lab } from "../labs/lab.ts";
import type { Log } from "../logger.ts";
import type { SandboxChange, SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";

export interface LiveSessionDeps {
  readonly id: string;
  readonly lab: Lab;
  readonly ref: SandboxRef;
  readonly driver: Pick<SandboxDriver, "exec" | "readFile" | "connectEngine" | "watch" | "portEndpoint">;
  readonly activity: ActivityLog;
  readonly initial: ReadonlyMap<string, StepStatus>;
  /** Every evaluated step; `changed` when its status moved. */
  readonly onResults: (change: StepChange, changed: boolean) => void;
  readonly log: Log;
  readonly debounceMs?: number;
  readonly poll?: { readonly everyMs: number; readonly activeForMs: number };
}

const POLL = { everyMs: 1000, activeForMs: 60_000 };

/** How long after our own checks finish their exec events may still arrive. */
const OWN_EXEC_GRACE_MS = 300;

export class LiveSession {
  readonly ctx: CheckContext;
  readonly evaluator: LiveEvaluator;
  private readonly abort = new AbortController();
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly d: LiveSessionDeps) {
    this.ctx = liveCheckContext({
      driver: d.driver,
      ref: d.ref,
      history: () => d.activity.list(d.id),
      signal: this.abort.signal,
    });
    this.evaluator = new LiveEvaluator({
      lab: d.lab,
      ctx: this.ctx,
      initial: d.initial,
      onResults: d.onResults,
      debounceMs: d.debounceMs ?? 100,
      run: { retries: 0, timeoutMs: 10_000 },
      poll: d.poll ?? POLL,
    });
  }

  /** Starts watching; the first evaluation runs at once. */
  start(): void {
    this.unsubscribe = this.d.activity.subscribe(this.d.id, () => this.evaluator.trigger());
    void this.pump();
    void this.evaluator.evaluateNow();
  }

  /** The learner typed or clicked: keep re-checking pending steps for a while. */
  active(): void {
    this.evaluator.active();
  }

  stop(): void {
    this.abort.abort();
    this.unsubscribe?.();
    this.evaluator.stop();
  }

  private async pump(): Promise<void> {
    try {
      for await (const change of this.d.driver.watch(this.d.ref, this.abort.signal))
        if (this.isLearners(change)) this.evaluator.trigger();
    } catch (e) {
      if (!this.abort.signal.aborted)
        this.d.log("warn", "live checks stopped watching", { id: this.d.id, error: String(e) });
    }
  }

  /** `docker exec` checks show up as exec events in the engine: those are not the learner's. */
  private isLearners(c: SandboxChange): boolean {
    if (c.kind !== "engine" || !c.action.startsWith("exec_")) return true;
    if (this.evaluator.busy) return false;
    return performance.now() - this.evaluator.lastFinishedAt > OWN_EXEC_GRACE_MS;
  }
}
