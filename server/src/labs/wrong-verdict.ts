// Whether a step's checks rejected a wrong solution, and by which: a lab's author may say
// which check must be among those that reject it (`rejectedBy`), so a wrong solution turned
// away for an unrelated reason (a typo in the script, a check that timed out) is not taken
// as proof.
import type { CheckResult } from "../../../common/lab-types.ts";
import type { Rejection } from "./lab-tester.ts";

export interface WrongVerdict {
  readonly ok: boolean;
  readonly detail: readonly string[];
  readonly rejectedBy: readonly Rejection[];
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

export function judgeWrongSolution(
  results: readonly CheckResult[],
  mustRejectBy: readonly string[],
): WrongVerdict {
  const rejectedBy = results.filter((r) => !r.pass).map((r) => ({ check: r.name, errors: r.errors }));
  if (rejectedBy.length === 0)
    return { ok: false, rejectedBy, detail: ["all checks pass after this wrong solution: they accept it"] };
  const missed = mustRejectBy.filter((name) => !rejectedBy.some((r) => r.check === name));
  if (missed.length === 0) return { ok: true, rejectedBy, detail: [] };
  const by = quoted(rejectedBy.map((r) => r.check));
  return {
    ok: false,
    rejectedBy,
    detail: missed.map((name) => `"${name}" must reject it, but it passed (rejected by ${by} instead)`),
  };
}
