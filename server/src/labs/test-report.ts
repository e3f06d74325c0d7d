// Renders lab self-test rows as a table for people or JSON for CI.
import type { TestRow } from "./lab-tester.ts";

export function renderTestTable(labId: string, rows: readonly TestRow[]): string {
  const head = ["ROUND", "STEP", "PHASE", "SCRIPT", "RESULT"];
  const body = rows.map((r) => [String(r.round), r.step, r.phase, r.script ?? "-", r.ok ? "ok" : "FAIL"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  const out = [`lab ${labId}`, line(head)];
  rows.forEach((r, i) => {
    out.push(line(body[i] as string[]));
    if (!r.ok) for (const d of r.detail) out.push(`    ${d}`);
  });
  const failed = rows.filter((r) => !r.ok).length;
  out.push(failed ? `${failed} of ${rows.length} failed` : `all ${rows.length} passed`);
  return out.join("\n");
}
