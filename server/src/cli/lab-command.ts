// `slipway lab validate|test|dev`. validate works offline; test and dev run live sessions in
// an in-process app (deps.openRuntime), or test uses deps.sessions (a fake, in unit tests).
import { isAbsolute, resolve } from "node:path";
import type { RunOptions } from "../checks/check-runner.ts";
import { formatIssue } from "../labs/lab-issue.ts";
import { LabTester, type SessionRunner, type TestRow } from "../labs/lab-tester.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import { renderTestTable } from "../labs/test-report.ts";
import { runLabDev } from "./lab-dev.ts";
import type { OpenLabRuntime } from "./lab-runtime.ts";

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
}

export interface LabCommandDeps {
  readonly labsDir: string;
  /** Sessions for `lab test`, when given (unit tests pass a fake); else openRuntime's. */
  readonly sessions?: SessionRunner;
  /** Starts the live app `lab test` and `lab dev` need. */
  readonly openRuntime?: OpenLabRuntime;
  /** How long checks may take to settle after a solution; defaults to 10 retries 500 ms apart. */
  readonly settle?: RunOptions;
  /** Ctrl-C: stop what runs, stop every session, exit. */
  readonly interrupt?: AbortSignal;
}

const USAGE = `usage: slipway lab <command>
  validate [paths…]                          check lab folders (default: all labs); exit 1 on any error
  test <paths…|--all> [--repeat N] [--json]  prove each lab in live sessions; exit 1 on any failure
  dev <path>                                 start a session on a lab and re-check it as you edit`;

export const INTERRUPTED = 130;

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
  const targets =
    paths.length && !flags.has("--all") ? paths.map((p) => (isAbsolute(p) ? p : resolve(p))) : [deps.labsDir];

  if (command === "validate") {
    const { labs, issues } = await validateLabs(targets);
    for (const i of issues) io.err(formatIssue(i));
    io.out(issues.length ? `${issues.length} problem(s) found` : `${labs.length} lab(s) valid`);
    return issues.length ? 1 : 0;
  }
  if (command === "dev") {
    if (paths.length !== 1 || !deps.openRuntime) return (io.err(USAGE), 2);
    return runLabDev(targets[0] as string, io, deps.openRuntime, deps.interrupt);
  }
  if (command === "test") {
    if (!Number.isInteger(repeat) || repeat < 1) return (io.err("--repeat expects a whole number ≥ 1"), 2);
    const { labs, issues } = await validateLabs(targets);
    if (issues.length) return (issues.forEach((i) => io.err(formatIssue(i))), 1);
    const runtime = deps.sessions
      ? undefined
      : await deps.openRuntime?.({ labPaths: targets, mode: "test", say: io.err });
    const sessions = deps.sessions ?? runtime?.runner;
    if (!sessions) return (io.err("lab test needs live sessions, which this build does not provide"), 2);
    try {
      const tester = new LabTester(sessions);
      const report: Record<string, TestRow[]> = {};
      const run = deps.settle ?? { retries: 10, delayMs: 500 };
      for (const lab of labs) {
        if (deps.interrupt?.aborted) return INTERRUPTED;
        report[lab.id] = await interruptible(tester.test(lab, { repeat, run }), deps.interrupt);
      }
      if (flags.has("--json")) io.out(JSON.stringify(report, null, 2));
      else for (const [id, rows] of Object.entries(report)) io.out(renderTestTable(id, rows));
      return Object.values(report).some((rows) => rows.some((r) => !r.ok)) ? 1 : 0;
    } catch (e) {
      if (e === INTERRUPTED) return INTERRUPTED;
      throw e;
    } finally {
      await runtime?.close();
    }
  }
  io.err(USAGE);
  return command === undefined || command === "help" || flags.has("--help") ? 0 : 2;
}

/** Resolves with the work, or rejects with INTERRUPTED as soon as the signal aborts. */
function interruptible<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(INTERRUPTED);
      signal.addEventListener("abort", () => reject(INTERRUPTED), { once: true });
    }),
  ]);
}
