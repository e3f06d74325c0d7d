// Renders lab self-test rows as a table for people or JSON for CI. A failure says why under
// its row; a wrong solution always says which checks rejected it, so an author sees a
// rejection for the wrong reason (a timeout, a typo) even when the row passes.
import type { TestRow } from "./lab-tester.ts";

const MAX_REASON = 160;

const result = (r: TestRow) => (r.skipped ? "skipped" : r.ok ? "ok" : "FAIL");
const clip = (s: string) => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s);

export function renderTestTable(labId: string, rows: readonly TestRow[]): string {
  const head = ["ROUND", "STEP", "PHASE", "SCRIPT", "RESULT"];
  const body = rows.map((r) => [String(r.round), r.step, r.phase, r.script ?? "-", result(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  const out = [`lab ${labId}`, line(head)];
  rows.forEach((r, i) => {
    out.push(line(body[i] as string[]));
    for (const x of r.rejectedBy ?? []) out.push(`    rejected by "${x.check}": ${clip(x.errors[0] ?? "")}`);
    if (!r.ok && !r.skipped) for (const d of r.detail) out.push(`    ${d}`);
  });
  out.push(summary(rows));
  return out.join("\n");
}

function summary(rows: readonly TestRow[]): string {
  const failed = rows.filter((r) => !r.ok && !r.skipped).length;
  const skipped = rows.filter((r) => r.skipped);
  if (!failed && !skipped.length) return `all ${rows.length} passed`;
  const why = [...new Set(skipped.map((r) => r.detail[0]?.replace(/^skipped: /, "")))].join("; ");
  return `${failed} of ${rows.length} failed${skipped.length ? `, ${skipped.length} skipped (${why})` : ""}`;
}
