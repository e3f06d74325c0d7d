// Every learner's results, a row per learner, lab and step, as JSON or CSV. A display name is
// the learner's own text, so a CSV cell that a spreadsheet would run as a formula (= + - @)
// is prefixed with ', and every cell is quoted.
import type { DashboardView } from "../../../common/class-views.ts";

export interface ResultRow {
  readonly learner: string;
  readonly lab: string;
  readonly step: string;
  readonly status: string;
  readonly passedAt: string;
  readonly hintsRevealed: number;
  readonly solutionViewed: boolean;
  readonly failedRuns: number;
  readonly labCompleted: boolean;
}

export function resultRows(d: DashboardView): ResultRow[] {
  return d.learners.flatMap((l) =>
    l.cells.flatMap((c) =>
      c.steps.map((s) => ({
        learner: l.displayName,
        lab: c.lab,
        step: s.id,
        status: c.sessionId ? s.status : "not-started",
        passedAt: s.passedAt ?? "",
        hintsRevealed: s.hintsRevealed,
        solutionViewed: s.solutionViewed,
        failedRuns: s.failedRuns,
        labCompleted: c.completed,
      })),
    ),
  );
}

const COLUMNS: readonly (keyof ResultRow)[] = [
  "learner",
  "lab",
  "step",
  "status",
  "passedAt",
  "hintsRevealed",
  "solutionViewed",
  "failedRuns",
  "labCompleted",
];

function csvCell(v: string | number | boolean): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly ResultRow[]): string {
  const lines = [COLUMNS.join(","), ...rows.map((r) => COLUMNS.map((k) => csvCell(r[k])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
