// `slipway lab dev <path>`: a live session on the lab straight from its folder. Every edit
// of the folder (step Markdown, checks, lab.yaml) re-validates and reloads the lab and
// re-runs its checks, printing the results; the learner's actions show as step events.
// Ctrl-C stops the session. An edit that breaks the lab prints the located errors and keeps
// the last good version running.
import { watch } from "node:fs";
import type { CheckReport, LabEvent } from "../../../common/lab-events.ts";
import { formatIssue } from "../labs/lab-issue.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import type { CommandIo } from "./lab-command.ts";
import type { OpenLabRuntime } from "./lab-runtime.ts";

const QUIET_MS = 100;

export async function runLabDev(
  dir: string,
  io: CommandIo,
  open: OpenLabRuntime,
  interrupt: AbortSignal | undefined,
): Promise<number> {
  const first = await validateLabs([dir]);
  const lab = first.labs[0];
  if (first.issues.length || !lab) return (first.issues.forEach((i) => io.err(formatIssue(i))), 1);
  const rt = await open({ labPaths: [dir], mode: "dev", say: io.err });
  try {
    io.err(`starting a session on ${lab.id} (files, images, setup)…`);
    const { session, token } = await rt.app.sessions.start(lab.id);
    if (session.state !== "ready")
      return (io.err(`the session did not start: ${session.reason ?? session.state}`), 1);
    const id = session.id;
    io.out(attachHelp(rt.url, id, token));
    let reported = false; // events before the first report would only repeat it
    const ended = new Promise<void>((resolve) => {
      const unsubscribe = rt.app.progress.subscribe(id, (e) => {
        const line = reported ? describe(e) : undefined;
        if (line) io.out(line);
        if (e.type !== "session" || (e.state !== "stopped" && e.state !== "failed")) return;
        unsubscribe();
        resolve();
      });
      interrupt?.addEventListener("abort", () => (unsubscribe(), resolve()), { once: true });
    });
    io.out(renderReport(await rt.app.progress.check(id)));
    reported = true;
    let timer: NodeJS.Timeout | undefined;
    let reloading = Promise.resolve();
    const reload = async () => {
      const t0 = performance.now();
      const { labs, issues } = await validateLabs([dir]);
      if (issues.length || labs[0]?.id !== lab.id) {
        issues.forEach((i) => io.err(formatIssue(i)));
        if (!issues.length) io.err(`the lab id changed to ${labs[0]?.id}: restart lab dev`);
        return io.err("keeping the last good version of the lab");
      }
      rt.catalog.reload();
      await rt.app.progress.reload(id);
      const report = await rt.app.progress.check(id);
      io.out(`reloaded ${lab.id}, checked in ${Math.round(performance.now() - t0)} ms`);
      io.out(renderReport(report));
    };
    const watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => (reloading = reloading.then(reload).catch((e) => io.err(String(e)))),
        QUIET_MS,
      );
    });
    await ended;
    watcher.close();
    clearTimeout(timer);
    await reloading;
    return 0;
  } finally {
    io.err("stopping the session…");
    await rt.close();
  }
}

function attachHelp(url: string, id: string, token: string): string {
  const api = `${url}/api/sessions/${id}`;
  return [
    `session ${id} is ready (stops on Ctrl-C)`,
    `  token:    ${token}`,
    `  browser:  ${url}/  (the lab's steps; terminals at ${api.replace(/^http/, "ws")}/terminals/<name>)`,
    `  steps:    curl -s -H 'authorization: Bearer ${token}' ${api}/lab`,
    `  events:   curl -sN -H 'authorization: Bearer ${token}' ${api}/events`,
    `  run:      curl -s -H 'authorization: Bearer ${token}' -H 'content-type: application/json' \\`,
    `              -d '{"cmd":["sh","-c","docker ps"]}' ${api}/exec`,
  ].join("\n");
}

function describe(e: LabEvent): string | undefined {
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

export function renderReport(report: CheckReport): string {
  return report.steps
    .flatMap((s) => [
      `  ${s.pass ? "✓" : "✗"} ${s.stepId} (${s.status})`,
      ...s.results.map(
        (r) => `      ${r.pass ? "ok  " : "FAIL"} ${r.name}${r.pass ? "" : `: ${r.errors.join("; ")}`}`,
      ),
    ])
    .join("\n");
}
