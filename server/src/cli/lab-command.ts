// `slipway lab validate|test|dev`. validate works offline; test and dev need live sessions,
// which the composition root passes in as deps.sessions once sessions exist.
import { isAbsolute, resolve } from "node:path";
import { formatIssue } from "../labs/lab-issue.ts";
import { LabTester, type SessionRunner, type TestRow } from "../labs/lab-tester.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import type { RunOptions } from "../checks/check-runner.ts";
import { renderTestTable } from "../labs/test-report.ts";

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

export interface LabCommandDeps {
  readonly labsDir: string;
  /** Live sessions for `lab test` / `lab dev`; absent until the session layer is wired. */
  readonly sessions?: SessionRunner;
  /** How long checks may take to settle after a solution; defaults to 10 retries 500 ms apart. */
  readonly settle?: RunOptions;
}

const USAGE = `usage: slipway lab <command>
  validate [paths…]                 check lab folders (default: all labs); exit 1 on any error
  test [paths…] [--repeat N] [--json]   run setup, solutions and wrong solutions in live sessions
  dev <path>                        re-validate and re-test a lab as you edit it`;

export async function runLabCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: LabCommandDeps,
): Promise<number> {
  const args = argv[0] === "lab" ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const repeatAt = rest.indexOf("--repeat");
  const repeat = repeatAt >= 0 ? Number(rest[repeatAt + 1]) : 1;
  const paths = rest.filter((a, i) => !a.startsWith("--") && !(repeatAt >= 0 && i === repeatAt + 1));
  const targets = paths.length ? paths.map((p) => (isAbsolute(p) ? p : resolve(p))) : [deps.labsDir];

  if (command === "validate") {
    const { labs, issues } = await validateLabs(targets);
    for (const i of issues) io.err(formatIssue(i));
    io.out(issues.length ? `${issues.length} problem(s) found` : `${labs.length} lab(s) valid`);
    return issues.length ? 1 : 0;
  }
  if (command === "test" || command === "dev") {
    if (!Number.isInteger(repeat) || repeat < 1) return (io.err("--repeat expects a whole number ≥ 1"), 2);
    if (!deps.sessions)
      return (io.err(`lab ${command} needs live sessions, which this build does not wire yet`), 2);
    const { labs, issues } = await validateLabs(targets);
    if (issues.length) return (issues.forEach((i) => io.err(formatIssue(i))), 1);
    // dev: a single pass for now; watching for edits comes with the session owner's file watcher.
    const tester = new LabTester(deps.sessions);
    const report: Record<string, TestRow[]> = {};
    for (const lab of labs)
      report[lab.id] = await tester.test(lab, { repeat, run: deps.settle ?? { retries: 10, delayMs: 500 } });
    if (flags.has("--json")) io.out(JSON.stringify(report, null, 2));
    else for (const [id, rows] of Object.entries(report)) io.out(renderTestTable(id, rows));
    return Object.values(report).some((rows) => rows.some((r) => !r.ok)) ? 1 : 0;
  }
  io.err(USAGE);
  return command === undefined || command === "help" || flags.has("--help") ? 0 : 2;
}
