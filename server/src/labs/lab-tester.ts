// Self-test of a lab against live sessions (`slipway lab test`). For every step: its checks
// must fail before the solution (or they test nothing), pass after it and after each
// alternative solution, and fail after each wrong solution. Each alternative and wrong
// solution gets a fresh session, brought to the state just before its step (setup, then the
// solutions of the earlier steps), so one attempt cannot leak into the next: slower than resetting, but needs nothing from the driver, and
// every session is independent, so they run side by side under a shared limit (--jobs).
import { relative } from "node:path";
import type { CheckContext, CheckExecResult } from "../checks/check-context.ts";
import type { RunOptions } from "../checks/check-runner.ts";
import { type Limit, limitConcurrency } from "../util/limit-concurrency.ts";
import { hasVariables, type Lab } from "./lab.ts";
import { type FreshSolution, freshPath, freshRow, mainPath } from "./test-paths.ts";

/** A live sandbox with the lab's files in its workspace; exec runs there, in the workspace. */
export interface TestSession {
  /** The lab as this session sees it: with its own variables, when the lab has any. */
  readonly lab: Lab;
  readonly ctx: CheckContext;
  exec(cmd: readonly string[]): Promise<CheckExecResult>;
  stop(): Promise<void>;
}

export interface SessionRunner {
  start(lab: Lab): Promise<TestSession>;
}

export type TestPhase = "setup" | "precondition" | "solution" | "wrong-solution";

/** A check that rejected a wrong solution, and what it said. */
export interface Rejection {
  readonly check: string;
  readonly errors: readonly string[];
}

export interface TestRow {
  readonly round: number;
  readonly step: string;
  readonly phase: TestPhase;
  readonly script: string | undefined;
  /** Proved what it should; false when it failed or was skipped. */
  readonly ok: boolean;
  /** Not run, or not judged: an earlier failure in its round (whose row says why) broke the state it needs. */
  readonly skipped: boolean;
  readonly detail: readonly string[];
  /** Wrong solutions: the checks that rejected it. */
  readonly rejectedBy?: readonly Rejection[];
}

/** One session of a lab's test finished. */
export interface TestProgress {
  readonly lab: string;
  readonly done: number;
  readonly total: number;
  readonly unit: string;
  readonly result: "ok" | "FAIL" | "skipped";
  readonly ms: number;
}

export interface TestOptions {
  readonly repeat?: number;
  /** For checks after a solution; state may take a moment to settle. */
  readonly run?: RunOptions;
  /** Shared by every lab tested at once: how many sessions may run together (default one). */
  readonly limit?: Limit;
  /** Once aborted, no further session is started. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: TestProgress) => void;
}

export class LabTester {
  constructor(private readonly sessions: SessionRunner) {}

  async test(lab: Lab, opts: TestOptions = {}): Promise<TestRow[]> {
    // A lab with variables is proved on two rounds at least, every session drawing its own
    // values. A round added for that proves the variant: setup, solutions, checks and the
    // alternatives with other values. Its wrong solutions, written with the same variables,
    // are proved on the rounds asked for (--repeat): twice the sessions for the lab gate,
    // for little the first round did not show.
    const asked = opts.repeat ?? 1;
    const repeat = Math.max(asked, hasVariables(lab) ? 2 : 1);
    const rounds = Array.from({ length: repeat }, (_, i) => i + 1);
    const fresh = lab.steps.flatMap((step, index) => [
      ...step.alternativeSolutions.map((script) => ({
        index,
        f: { kind: "alternative", script } as FreshSolution,
      })),
      ...step.wrongSolutions.map((w) => ({ index, f: { kind: "wrong", ...w } as FreshSolution })),
    ]);
    const freshIn = (round: number) =>
      round <= asked ? fresh : fresh.filter((x) => x.f.kind === "alternative");
    const total = rounds.reduce((n, round) => n + 1 + freshIn(round).length, 0);
    let done = 0;
    const limit = opts.limit ?? limitConcurrency(1);
    const unit = <T>(label: string, work: () => Promise<T>, result: (t: T) => TestProgress["result"]) =>
      limit(async () => {
        if (opts.signal?.aborted) return undefined;
        const t0 = performance.now();
        const outcome = await work();
        const ms = Math.round(performance.now() - t0);
        opts.onProgress?.({ lab: lab.id, done: ++done, total, unit: label, result: result(outcome), ms });
        return outcome;
      });
    const rows = await Promise.all(
      rounds.map(async (round) => {
        const tag = rounds.length > 1 ? ` (round ${round})` : "";
        let broken: Broken | undefined; // known once the main path is done
        const paths = freshIn(round);
        const [main, ...wrong] = await Promise.all([
          unit(
            `main path${tag}`,
            async () => {
              const rows = await mainPath(this.sessions, lab, round, opts.run);
              broken = brokenBy(lab, rows);
              return rows;
            },
            (rows) => (rows.every((r) => r.ok) ? "ok" : "FAIL"),
          ),
          ...paths.map(({ index, f }) =>
            unit(
              `${f.kind === "wrong" ? "wrong" : "alternative"} solution ${relative(lab.dir, f.script)}${tag}`,
              // With the main path already broken before this step, no session is needed.
              async () =>
                broken && index > broken.at
                  ? skip(freshRow(lab, index, f, round), broken)
                  : freshPath(this.sessions, lab, index, f, round, opts.run),
              (r) => (r.skipped ? "skipped" : r.ok ? "ok" : "FAIL"),
            ),
          ),
        ]);
        if (!main) return [];
        // Fresh paths that ran alongside a main path that then broke are judged here.
        const after = brokenBy(lab, main);
        return [
          ...main,
          ...wrong.flatMap((row, i) =>
            !row ? [] : after && (paths[i]?.index ?? 0) > after.at ? [skip(row, after)] : [row],
          ),
        ];
      }),
    );
    return rows.flat();
  }
}

/** Where the main path's state stopped being what later steps need (-1: setup), and why. */
interface Broken {
  readonly at: number;
  readonly cause: string;
}

function brokenBy(lab: Lab, main: readonly TestRow[]): Broken | undefined {
  const r = main.find((x) => !x.ok && !x.skipped && (x.phase === "setup" || x.phase === "solution"));
  if (!r) return undefined;
  if (r.phase === "setup") return { at: -1, cause: "setup failed" };
  return { at: lab.steps.findIndex((s) => s.id === r.step), cause: `the solution of step ${r.step} failed` };
}

/** Past a broken setup or solution a verdict proves nothing: the failure is reported once,
 *  at its own row, and what follows is marked skipped. */
const skip = (row: TestRow, b: Broken): TestRow => ({
  ...row,
  ok: false,
  skipped: true,
  detail: [`skipped: ${b.cause}`],
  rejectedBy: undefined,
});
