// The two kinds of session a lab test runs. The main path: setup, then step by step the
// checks before the solution, the solution, the checks after it; once a solution fails,
// later steps are not run (their state would be wrong) but listed as skipped. A fresh path:
// a session brought to the state just before its step, an alternative or a wrong solution,
// then the verdict of the step's checks, always as one row.
import { relative } from "node:path";
import type { CheckResult } from "../../../common/lab-types.ts";
import type { CheckExecResult } from "../checks/check-context.ts";
import { runChecks, type RunOptions } from "../checks/check-runner.ts";
import type { Lab, Step, WrongSolution } from "./lab.ts";
import type { SessionRunner, TestRow, TestSession } from "./lab-tester.ts";
import { readLabText } from "./variables/read-lab-text.ts";
import { judgeWrongSolution } from "./wrong-verdict.ts";

const failures = (rs: readonly CheckResult[]) => rs.flatMap((r) => r.errors.map((e) => `${r.name}: ${e}`));
const output = (r: CheckExecResult) => [
  `exit ${r.exitCode}`,
  ...`${r.stdout}${r.stderr}`.trim().split("\n").slice(-10),
];
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const runScript = async (s: TestSession, file: string) =>
  s.exec(["sh", "-c", await readLabText(s.lab, file)]);
/** The step as the session sees it: its checks rendered with the session's variables. */
const boundStep = (s: TestSession, step: Step): Step => s.lab.steps.find((x) => x.id === step.id) ?? step;
/** Which variant a failure happened on, so it can be reproduced. */
const variantLine = (s: TestSession): string[] =>
  s.lab.variant
    ? [
        `variant ${Object.entries(s.lab.variant.values)
          .map(([k, v]) => `${k}=${v}`)
          .join(" ")} (seed ${s.lab.variant.seed})`,
      ]
    : [];

/** A session, or why none could start (e.g. an image pull failed). */
async function open(sessions: SessionRunner, lab: Lab): Promise<TestSession | string> {
  try {
    return await sessions.start(lab);
  } catch (e) {
    return `no session: ${message(e)}`;
  }
}

export async function mainPath(
  sessions: SessionRunner,
  lab: Lab,
  round: number,
  run: RunOptions | undefined,
): Promise<TestRow[]> {
  const setup = lab.setup && relative(lab.dir, lab.setup);
  const base = { round, step: "-", phase: "setup" as const, script: setup, skipped: false };
  const rows: TestRow[] = [];
  let broken: string | undefined;
  const s = await open(sessions, lab);
  if (typeof s === "string") {
    rows.push({ ...base, ok: false, detail: [s] });
    broken = "setup failed";
  }
  try {
    if (typeof s !== "string" && lab.setup) {
      const r = await runScript(s, lab.setup);
      rows.push({ ...base, ok: r.exitCode === 0, detail: r.exitCode === 0 ? [] : output(r) });
      if (r.exitCode !== 0) broken = "setup failed";
    }
    for (const step of lab.steps) {
      if (broken || typeof s === "string") {
        const script = step.solution && relative(lab.dir, step.solution);
        const at = { round, step: step.id, phase: "solution" as const, script };
        rows.push({ ...at, ok: false, skipped: true, detail: [`skipped: ${broken}`] });
        continue;
      }
      const done = await stepPath(lab, boundStep(s, step), s, round, run);
      rows.push(...done);
      if (done.some((r) => r.phase === "solution" && !r.ok))
        broken = `the solution of step ${step.id} failed`;
    }
    return rows;
  } finally {
    if (typeof s !== "string") await s.stop();
  }
}

async function stepPath(
  lab: Lab,
  step: Step,
  s: TestSession,
  round: number,
  run: RunOptions | undefined,
): Promise<TestRow[]> {
  const at = { round, step: step.id, skipped: false };
  const rows: TestRow[] = [];
  const solution = {
    ...at,
    phase: "solution" as const,
    script: step.solution && relative(lab.dir, step.solution),
  };
  try {
    if (step.checks.length) {
      const pre = await runChecks(step.checks, s.ctx, lab.dir, { ...run, retries: 0 });
      const vacuous = pre.every((r) => r.pass);
      rows.push({
        ...at,
        phase: "precondition",
        script: undefined,
        ok: !vacuous,
        detail: vacuous ? ["all checks pass before the solution ran: they do not test this step"] : [],
      });
    }
    // A step without checks (a reading step) may still change what later steps start from.
    if (!step.solution)
      return step.checks.length
        ? [...rows, { ...solution, ok: false, detail: ["the step has checks but no solution"] }]
        : rows;
    const r = await runScript(s, step.solution);
    if (r.exitCode !== 0)
      return [...rows, { ...solution, ok: false, detail: [...output(r), ...variantLine(s)] }];
    const post = step.checks.length ? await runChecks(step.checks, s.ctx, lab.dir, run) : [];
    const ok = post.every((x) => x.pass);
    return [...rows, { ...solution, ok, detail: ok ? [] : [...failures(post), ...variantLine(s)] }];
  } catch (e) {
    return [...rows, { ...solution, ok: false, detail: [`error: ${message(e)}`] }];
  }
}

/** A solution tried in a session of its own: an alternative (must pass) or a wrong one (must fail). */
export type FreshSolution =
  { readonly kind: "alternative"; readonly script: string } | ({ readonly kind: "wrong" } & WrongSolution);

/** The row a fresh solution's verdict fills in. */
export function freshRow(lab: Lab, index: number, f: FreshSolution, round: number): TestRow {
  const step = lab.steps[index] as Step;
  const script = relative(lab.dir, f.script);
  const phase = f.kind === "wrong" ? ("wrong-solution" as const) : ("solution" as const);
  return { round, step: step.id, phase, script, ok: false, skipped: false, detail: [] };
}

export async function freshPath(
  sessions: SessionRunner,
  lab: Lab,
  index: number,
  f: FreshSolution,
  round: number,
  run: RunOptions | undefined,
): Promise<TestRow> {
  const row = freshRow(lab, index, f, round);
  const s = await open(sessions, lab);
  if (typeof s === "string") return { ...row, detail: [s] };
  const step = boundStep(s, lab.steps[index] as Step);
  try {
    if (lab.setup) {
      const r = await runScript(s, lab.setup);
      if (r.exitCode !== 0) return { ...row, detail: ["setup failed", ...output(r)] };
    }
    for (const earlier of lab.steps.slice(0, index)) {
      if (!earlier.solution) continue;
      const r = await runScript(s, earlier.solution);
      if (r.exitCode !== 0)
        return { ...row, detail: [`solution of step ${earlier.id} failed`, ...output(r)] };
    }
    const r = await runScript(s, f.script);
    if (f.kind === "wrong") {
      // A wrong solution's exit code is irrelevant: only the checks judge.
      const results = await runChecks(step.checks, s.ctx, lab.dir, { retries: 0 });
      // rejectedBy as this session's variant renders it: check names may hold variables.
      const at = (lab.steps[index] as Step).wrongSolutions.findIndex(
        (w) => w.script === f.script && w.rejectedBy === f.rejectedBy,
      );
      const mustRejectBy = step.wrongSolutions[at]?.rejectedBy ?? f.rejectedBy;
      const verdict = judgeWrongSolution(results, mustRejectBy);
      return {
        ...row,
        ...verdict,
        detail: verdict.ok ? verdict.detail : [...verdict.detail, ...variantLine(s)],
      };
    }
    if (r.exitCode !== 0) return { ...row, detail: [...output(r), ...variantLine(s)] };
    const post = await runChecks(step.checks, s.ctx, lab.dir, run);
    const ok = post.every((x) => x.pass);
    return { ...row, ok, detail: ok ? [] : [...failures(post), ...variantLine(s)] };
  } catch (e) {
    return { ...row, detail: [`error: ${message(e)}`] };
  } finally {
    await s.stop();
  }
}
