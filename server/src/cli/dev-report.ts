// What `lab dev` prints: how to reach the session, each step's checks, and the learner's
// progress as it happens.
import type { CheckReport, LabEvent } from "../../../common/lab-events.ts";

/** `link`: a one-time code that makes a browser the session's owner (the author's first
 *  session); a browser that used one opens every later session of this `lab dev` directly. */
export function attachHelp(url: string, id: string, token: string, link?: string): string {
  const api = `${url}/api/sessions/${id}`;
  return [
    `session ${id} is ready (stops on Ctrl-C)`,
    `  token:    ${token}`,
    `  browser:  ${url}/#/session/${id}  (terminals at ${api.replace(/^http/, "ws")}/terminals/<name>)`,
    ...(link
      ? [
          `            in a browser new to this lab dev, open ${url}/#/link/${link} first, once: it makes it yours`,
        ]
      : []),
    `  steps:    curl -s -H 'authorization: Bearer ${token}' ${api}/lab`,
    `  events:   curl -sN -H 'authorization: Bearer ${token}' ${api}/events`,
    `  run:      curl -s -H 'authorization: Bearer ${token}' -H 'content-type: application/json' \\`,
    `              -d '{"cmd":["sh","-c","docker ps"]}' ${api}/exec`,
  ].join("\n");
}

export function describeEvent(e: LabEvent): string | undefined {
  const at = new Date().toTimeString().slice(0, 8);
  if (e.type === "step")
    return `${at} step ${e.stepId}: ${e.status}${e.status === "passed" ? "" : `\n${failures(e.results).join("\n")}`}`;
  if (e.type === "completed") return `${at} every step passed`;
  if (e.type === "session") return `${at} session ${e.state}${e.reason ? `: ${e.reason}` : ""}`;
  if (e.type === "timer") return `${at} time left: ${Math.round(e.timer.remainingMs / 1000)} s`;
  return undefined;
}

const failures = (results: CheckReport["steps"][number]["results"]) =>
  results.flatMap((r) => (r.pass ? [] : r.errors.map((err) => `    ✗ ${r.name}: ${err}`)));

/** A passed sticky step whose checks fail now (a later step undid its state) stays ✓. */
export function renderReport(report: CheckReport): string {
  return report.steps
    .flatMap((s) => [
      `  ${s.status === "passed" ? "✓" : "✗"} ${s.stepId} (${s.status}${s.status === "passed" && !s.pass ? ", sticky: its checks fail now" : ""})`,
      ...s.results.map(
        (r) => `      ${r.pass ? "ok  " : "FAIL"} ${r.name}${r.pass ? "" : `: ${r.errors.join("; ")}`}`,
      ),
    ])
    .join("\n");
}
