// Self-test of a lab against live sessions (`slipway lab test`). For every step: its checks
// must fail before the solution (or they test nothing), pass after it and after each
// alternative solution, and fail after each wrong solution. Each alternative and wrong
// solution gets a fresh session, brought to the state just before its step (setup, then
// the solutions of the earlier steps), so one attempt cannot leak into the next: slower
// than resetting, but needs nothing from the driver.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import type { CheckResult } from "../../../common/lab-types.ts";
import type { CheckContext, CheckExecResult } from "../checks/check-context.ts";
import { runChecks, type RunOptions } from "../checks/check-runner.ts";
import type { Lab, Step } from "./lab.ts";

/** A live sandbox with the lab's files in its workspace; exec runs there, in the workspace. */
export interface TestSession {
  readonly ctx: CheckContext;
  exec(cmd: readonly string[]): Promise<CheckExecResult>;
  stop(): Promise<void>;
}

export interface SessionRunner {
  start(lab: Lab): Promise<TestSession>;
}

export type TestPhase = "setup" | "precondition" | "solution" | "wrong-solution";

export interface TestRow {
  readonly round: number;
  readonly step: string;
  readonly phase: TestPhase;
  readonly script: string | undefined;
  readonly ok: boolean;
  readonly detail: readonly string[];
}

export interface TestOptions {
  readonly repeat?: number;
  /** For checks after a solution; state may take a moment to settle. */
  readonly run?: RunOptions;
}

const failures = (rs: readonly CheckResult[]) => rs.flatMap((r) => r.errors.map((e) => `${r.name}: ${e}`));
const output = (r: CheckExecResult) => [
  `exit ${r.exitCode}`,
  ...`${r.stdout}${r.stderr}`.trim().split("\n").slice(-10),
];

export class LabTester {
  constructor(private readonly sessions: SessionRunner) {}

  async test(lab: Lab, opts: TestOptions = {}): Promise<TestRow[]> {
    const rows: TestRow[] = [];
    for (let round = 1; round <= (opts.repeat ?? 1); round++) {
      rows.push(...(await this.mainPath(lab, round, opts)));
      for (const [i, step] of lab.steps.entries()) {
        for (const alt of step.alternativeSolutions)
          rows.push(...(await this.freshPath(lab, i, alt, round, { ...opts.run, pass: true })));
        for (const wrong of step.wrongSolutions)
          rows.push(...(await this.freshPath(lab, i, wrong, round, { pass: false })));
      }
    }
    return rows;
  }

  private async runScript(s: TestSession, file: string): Promise<CheckExecResult> {
    return s.exec(["sh", "-c", await readFile(file, "utf8")]);
  }

  /** Runs setup; returns a failed row, or undefined when all went well. */
  private async setUp(lab: Lab, s: TestSession, round: number): Promise<TestRow | undefined> {
    if (!lab.setup) return undefined;
    const r = await this.runScript(s, lab.setup);
    const row = { round, step: "-", phase: "setup" as const, script: relative(lab.dir, lab.setup) };
    return r.exitCode === 0 ? undefined : { ...row, ok: false, detail: output(r) };
  }

  /** A session, or a failed setup row saying why none could start (e.g. a pull failed). */
  private async open(lab: Lab, round: number): Promise<TestSession | TestRow> {
    try {
      return await this.sessions.start(lab);
    } catch (e) {
      const detail = [`no session: ${e instanceof Error ? e.message : String(e)}`];
      return { round, step: "-", phase: "setup", script: undefined, ok: false, detail };
    }
  }

  private async mainPath(lab: Lab, round: number, opts: TestOptions): Promise<TestRow[]> {
    const rows: TestRow[] = [];
    const s = await this.open(lab, round);
    if ("phase" in s) return [s];
    try {
      const failed = await this.setUp(lab, s, round);
      if (failed) return [failed];
      if (lab.setup)
        rows.push({
          round,
          step: "-",
          phase: "setup",
          script: relative(lab.dir, lab.setup),
          ok: true,
          detail: [],
        });
      for (const step of lab.steps) rows.push(...(await this.stepPath(lab, step, s, round, opts)));
      return rows;
    } finally {
      await s.stop();
    }
  }

  private async stepPath(
    lab: Lab,
    step: Step,
    s: TestSession,
    round: number,
    opts: TestOptions,
  ): Promise<TestRow[]> {
    const at = { round, step: step.id };
    if (step.checks.length === 0) return [];
    const pre = await runChecks(step.checks, s.ctx, lab.dir, { ...opts.run, retries: 0 });
    const preRow: TestRow = {
      ...at,
      phase: "precondition",
      script: undefined,
      ok: pre.some((r) => !r.pass),
      detail: pre.every((r) => r.pass)
        ? ["all checks pass before the solution ran: they do not test this step"]
        : [],
    };
    if (!step.solution)
      return [
        preRow,
        {
          ...at,
          phase: "solution",
          script: undefined,
          ok: false,
          detail: ["the step has checks but no solution"],
        },
      ];
    const script = relative(lab.dir, step.solution);
    const r = await this.runScript(s, step.solution);
    if (r.exitCode !== 0) return [preRow, { ...at, phase: "solution", script, ok: false, detail: output(r) }];
    const post = await runChecks(step.checks, s.ctx, lab.dir, opts.run);
    return [
      preRow,
      { ...at, phase: "solution", script, ok: post.every((x) => x.pass), detail: failures(post) },
    ];
  }

  /** One alternative (must pass) or wrong (must fail) solution, in a session of its own. */
  private async freshPath(
    lab: Lab,
    index: number,
    script: string,
    round: number,
    expect: RunOptions & { pass: boolean },
  ): Promise<TestRow[]> {
    const step = lab.steps[index] as Step;
    const phase = expect.pass ? ("solution" as const) : ("wrong-solution" as const);
    const row = { round, step: step.id, phase, script: relative(lab.dir, script) };
    const s = await this.open(lab, round);
    if ("phase" in s) return [s];
    try {
      const failed = await this.setUp(lab, s, round);
      if (failed) return [failed];
      for (const earlier of lab.steps.slice(0, index)) {
        if (!earlier.solution) continue;
        const r = await this.runScript(s, earlier.solution);
        if (r.exitCode !== 0)
          return [{ ...row, ok: false, detail: [`solution of step ${earlier.id} failed`, ...output(r)] }];
      }
      const r = await this.runScript(s, script);
      // A wrong solution's exit code is irrelevant: only the checks judge. A valid one must work.
      if (expect.pass && r.exitCode !== 0) return [{ ...row, ok: false, detail: output(r) }];
      const res = await runChecks(step.checks, s.ctx, lab.dir, expect.pass ? expect : { retries: 0 });
      const passed = res.every((x) => x.pass);
      if (expect.pass) return [{ ...row, ok: passed, detail: failures(res) }];
      return [
        {
          ...row,
          ok: !passed,
          detail: passed ? ["all checks pass after this wrong solution: they accept it"] : [],
        },
      ];
    } finally {
      await s.stop();
    }
  }
}
