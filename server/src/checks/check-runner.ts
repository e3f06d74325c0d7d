// Runs checks: in parallel, each under a timeout, with retries owned here rather than by
// each check type. Anything a check throws becomes a failed result carrying the message.
import type { CheckResult, StepResult } from "../../../common/lab-types.ts";
import { withLabDir, type CheckContext } from "./check-context.ts";
import { builtinChecks, type CheckRegistry, type ParsedCheck } from "./check-registry.ts";

export interface RunOptions {
  readonly registry?: CheckRegistry;
  /** Per check attempt. */
  readonly timeoutMs?: number;
  /** Extra attempts for a step that fails, e.g. while a container is still starting. */
  readonly retries?: number;
  readonly delayMs?: number;
}

/** The parts of a lab the runner needs; a loaded Lab satisfies it. */
export interface CheckableLab {
  readonly dir: string;
  readonly steps: readonly { readonly id: string; readonly checks: readonly ParsedCheck[] }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runCheck(
  check: ParsedCheck,
  ctx: CheckContext,
  opts: RunOptions = {},
): Promise<CheckResult> {
  const start = performance.now();
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const type = (opts.registry ?? builtinChecks).get(check.type);
    if (!type) throw new Error(`unknown check type "${check.type}"`);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    const r = await Promise.race([type.run(check.spec, ctx), timeout]);
    return { ...r, name: check.name };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const durationMs = Math.round(performance.now() - start);
    return {
      name: check.name,
      type: check.type,
      pass: false,
      errors: [`check error: ${message}`],
      durationMs,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** All checks of one step, in parallel; retried as a whole while any fails. */
export async function runChecks(
  checks: readonly ParsedCheck[],
  ctx: CheckContext,
  labDir: string,
  opts: RunOptions = {},
): Promise<CheckResult[]> {
  const scoped = withLabDir(ctx, labDir);
  for (let attempt = 0; ; attempt++) {
    const results = await Promise.all(checks.map((c) => runCheck(c, scoped, opts)));
    if (results.every((r) => r.pass) || attempt >= (opts.retries ?? 0) || ctx.signal.aborted) return results;
    await sleep(opts.delayMs ?? 500);
  }
}

/** A step with no checks passes: there is nothing to prove (e.g. a reading step). */
export async function evaluateLab(
  lab: CheckableLab,
  ctx: CheckContext,
  opts: RunOptions = {},
): Promise<StepResult[]> {
  return Promise.all(
    lab.steps.map(async (step) => {
      const results = await runChecks(step.checks, ctx, lab.dir, opts);
      return { stepId: step.id, pass: results.every((r) => r.pass), results };
    }),
  );
}
