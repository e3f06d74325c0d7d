// `slipway lab validate|test|dev`. validate works offline; test and dev run live sessions in
// an in-process app (deps.openRuntime), or test uses deps.sessions (a fake, in unit tests).
import { isAbsolute, resolve } from "node:path";
import type { RunOptions } from "../checks/check-runner.ts";
import { formatIssue } from "../labs/lab-issue.ts";
import type { SessionRunner } from "../labs/lab-tester.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import { runLabDev } from "./lab-dev.ts";
import type { OpenLabRuntime } from "./lab-runtime.ts";
import { INTERRUPTED, runLabTests } from "./lab-test-command.ts";

export { INTERRUPTED };

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
  /** Keypresses (lab dev: "r" restarts the session); none when stdin is not a terminal. */
  readonly keys?: AsyncIterable<string>;
}

const USAGE = `usage: slipway lab <command>
  validate [paths…]                 check lab folders (default: all labs); exit 1 on any error
  test <paths…|--all> [--repeat N] [--jobs N] [--json]
                                    prove each lab in live sessions; exit 1 on any failure.
                                    --jobs: sessions run at once, across labs (default 1)
  dev <path> [--restart-on-change]  start a session on a lab and re-check it as you edit;
                                    a change that needs a new sandbox restarts it with the flag,
                                    or on "r"`;

const MAX_JOBS = 32;

/** Options that take a value, as `--jobs 3` or `--jobs=3`. */
const VALUED = new Set(["--repeat", "--jobs"]);

function parse(args: readonly string[]) {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [name = a, inline] = a.startsWith("--") ? a.split(/=(.*)/s) : [a];
    if (VALUED.has(name)) values.set(name, inline ?? args[++i] ?? "");
    else if (a.startsWith("--")) flags.add(a);
    else paths.push(a);
  }
  const whole = (name: string) => {
    const n = Number(values.get(name) ?? "1");
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  };
  return { flags, paths, repeat: whole("--repeat"), jobs: whole("--jobs") };
}

export async function runLabCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: LabCommandDeps,
): Promise<number> {
  const args = argv[0] === "lab" ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  const { flags, paths, repeat, jobs } = parse(rest);
  const targets =
    paths.length && !flags.has("--all") ? paths.map((p) => (isAbsolute(p) ? p : resolve(p))) : [deps.labsDir];

  if (command === "validate") {
    const { labs, issues, assessments } = await validateLabs(targets);
    for (const i of issues) io.err(formatIssue(i));
    const more = assessments.length ? ` and ${assessments.length} assessment(s)` : "";
    io.out(issues.length ? `${issues.length} problem(s) found` : `${labs.length} lab(s)${more} valid`);
    return issues.length ? 1 : 0;
  }
  if (command === "dev") {
    if (paths.length !== 1 || !deps.openRuntime) return (io.err(USAGE), 2);
    const restart = flags.has("--restart-on-change") ? "always" : "ask";
    return runLabDev(targets[0] as string, io, deps.openRuntime, { ...deps, restart });
  }
  if (command === "test") {
    if (!repeat) return (io.err("--repeat expects a whole number ≥ 1"), 2);
    // Each session is a sandbox with its own engine: far more than the host has cores is a mistake.
    if (!jobs || jobs > MAX_JOBS) return (io.err(`--jobs expects a whole number from 1 to ${MAX_JOBS}`), 2);
    const { labs, issues } = await validateLabs(targets);
    if (issues.length) return (issues.forEach((i) => io.err(formatIssue(i))), 1);
    const runtime = deps.sessions
      ? undefined
      : await deps.openRuntime?.({ labPaths: targets, mode: "test", say: io.err, maxSessions: jobs });
    const sessions = deps.sessions ?? runtime?.runner;
    if (!sessions) return (io.err("lab test needs live sessions, which this build does not provide"), 2);
    try {
      const run = deps.settle ?? { retries: 10, delayMs: 500 };
      return await runLabTests(
        { labs, sessions, repeat, jobs, json: flags.has("--json"), run, interrupt: deps.interrupt },
        io,
      );
    } finally {
      await runtime?.close();
    }
  }
  io.err(USAGE);
  return command === undefined || command === "help" || flags.has("--help") ? 0 : 2;
}
