// `slipway lab test`: every lab's sessions share one limit of --jobs sessions at once, so
// twenty labs fit a CI budget. Each lab's table is printed as soon as that lab is done, with
// a progress line per finished session in between (stderr, so --json stays clean); JSON is
// printed once, in lab order, at the end.
import type { RunOptions } from "../checks/check-runner.ts";
import type { Lab } from "../labs/lab.ts";
import { LabTester, type SessionRunner, type TestProgress, type TestRow } from "../labs/lab-tester.ts";
import { renderTestTable } from "../labs/test-report.ts";
import { limitConcurrency } from "../util/limit-concurrency.ts";
import type { CommandIo } from "./lab-command.ts";

export interface LabTestRun {
  readonly labs: readonly Lab[];
  readonly sessions: SessionRunner;
  readonly repeat: number;
  readonly jobs: number;
  readonly json: boolean;
  readonly run: RunOptions;
  readonly interrupt?: AbortSignal;
}

export const INTERRUPTED = 130;

/** Exit code: 0 when every row passed, 1 otherwise, INTERRUPTED on Ctrl-C. */
export async function runLabTests(t: LabTestRun, io: CommandIo): Promise<number> {
  const tester = new LabTester(t.sessions);
  const limit = limitConcurrency(t.jobs);
  const report = new Map<string, TestRow[]>();
  const sessions = t.labs.length === 1 ? "" : ` (up to ${t.jobs} session${t.jobs > 1 ? "s" : ""} at once)`;
  io.err(`testing ${t.labs.length} lab(s)${sessions}…`);
  const all = Promise.all(
    t.labs.map(async (lab) => {
      const opts = { repeat: t.repeat, run: t.run, limit, signal: t.interrupt, onProgress: say(io) };
      const rows = await tester.test(lab, opts);
      if (t.interrupt?.aborted) return;
      report.set(lab.id, rows);
      if (!t.json) io.out(renderTestTable(lab.id, rows));
    }),
  );
  try {
    await interruptible(all, t.interrupt);
  } catch (e) {
    if (e === INTERRUPTED) return INTERRUPTED;
    throw e;
  }
  if (t.json)
    io.out(JSON.stringify(Object.fromEntries(t.labs.map((l) => [l.id, report.get(l.id)])), null, 2));
  return [...report.values()].some((rows) => rows.some((r) => !r.ok)) ? 1 : 0;
}

const say = (io: CommandIo) => (p: TestProgress) =>
  io.err(`[${p.lab} ${p.done}/${p.total}] ${p.result.padEnd(4)} ${p.unit} (${(p.ms / 1000).toFixed(1)} s)`);

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
