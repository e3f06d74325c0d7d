// An assessment's report: score against the pass line, then per task what passed, in how
// long, with what help, what still failed, the variant drawn, the candidate's Docker commands
// and a replay of their terminal. Opened with the attempt's token (this tab) or a share
// link's (in the URL fragment, never sent to the server but as a header). Prints cleanly.
import type { AssessmentReport, ReportTask } from "../../../common/assessment-views.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { factsList } from "../dom/facts-list.ts";
import { h } from "../dom/h.ts";
import { createMarkdown } from "../instructions/render-markdown.ts";
import { messageView } from "../session/session-messages.ts";
import { formatDuration, formatElapsed } from "../time/format-time.ts";
import { AttemptApi, attemptToken } from "./attempt-api.ts";
import { castPlayer } from "./cast-player.ts";

export class AssessmentReportPage implements Page {
  private readonly players: Array<{ dispose(): void }> = [];

  constructor(
    private readonly root: HTMLElement,
    ctx: AppContext,
    id: string,
    share: string | undefined,
  ) {
    ctx.title("Assessment report");
    const token = share ?? attemptToken(id);
    if (!token) {
      root.append(
        messageView(
          "No report here",
          "A report opens in the tab that took the assessment, or from its share link.",
        ),
      );
      return;
    }
    const api = new AttemptApi(id, token);
    api.report().then(
      (r) => this.show(r, share === undefined ? api : undefined),
      (e: Error) => root.append(messageView("This report could not be opened", e.message)),
    );
  }

  dispose(): void {
    for (const p of this.players) p.dispose();
  }

  private show(r: AssessmentReport, owner: AttemptApi | undefined): void {
    const shareOut = h("p", { class: "share-link", role: "status" });
    const actions = h(
      "div",
      { class: "report-actions no-print" },
      h("button", { type: "button", class: "secondary", onclick: () => download(r) }, "Export JSON"),
      h("button", { type: "button", class: "secondary", onclick: () => print() }, "Print"),
      owner
        ? h(
            "button",
            {
              type: "button",
              class: "secondary",
              onclick: () =>
                void owner.share().then(({ shareToken }) => {
                  const url = `${location.origin}${location.pathname}#/assessment/${encodeURIComponent(r.attempt)}/report?share=${encodeURIComponent(shareToken)}`;
                  shareOut.replaceChildren(
                    "Read-only link (it opens this report only; a new link replaces it): ",
                    h("a", { href: url, class: "share-url" }, url),
                  );
                }),
            },
            "Make a share link",
          )
        : null,
      shareOut,
    );
    this.root.append(
      topBar(),
      h(
        "main",
        { class: "assessment-report", id: "main" },
        h("h1", { tabindex: -1 }, r.title),
        h(
          "p",
          { class: `verdict ${r.passed ? "passed" : "failed"}` },
          `Score ${r.score} % — pass line ${r.passLine} %: ${r.passed ? "passed" : "not passed"}`,
        ),
        factsList([
          ["Started", new Date(r.startedAt).toLocaleString()],
          ["Ended", `${new Date(r.finishedAt).toLocaleString()} (${r.endReason})`],
          ["Time limit", formatDuration(r.timeLimitMs)],
          ["Attempt", r.attempt],
        ]),
        actions,
        ...r.tasks.map((t) => this.task(t)),
      ),
    );
  }

  private task(t: ReportTask): HTMLElement {
    const md = createMarkdown();
    const player = t.recording ? castPlayer(t.recording, t.recordingTruncated ?? false) : undefined;
    if (player) this.players.push(player);
    return h(
      "section",
      { class: "report-task", "aria-labelledby": `task-${t.index}` },
      h(
        "h2",
        { id: `task-${t.index}` },
        `Task ${t.index + 1}: ${t.title} — ${t.passed ? "passed" : "not passed"}`,
      ),
      factsList([
        ["Score", `${t.score} of 100${t.penalty ? ` (${t.penalty} off for hints)` : ""}`],
        ["Steps passed", `${t.stepsPassed} of ${t.stepsTotal}`],
        [
          "Time to solve",
          t.secondsToSolve !== undefined ? formatElapsed(t.secondsToSolve * 1000) : "not solved",
        ],
        ["Time open", formatElapsed(t.secondsOpen * 1000)],
        ["Check runs", `${t.checkRuns} (${t.failedRuns} failed)`],
        ["Hints used", String(t.hintsUsed)],
        [
          "Variant",
          t.variant
            ? Object.entries(t.variant.values)
                .map(([k, v]) => `${k} = ${v}`)
                .join(", ")
            : "none",
        ],
      ]),
      ...t.steps.map((s) =>
        h(
          "div",
          { class: "report-step" },
          h("h3", {}, `${s.passed ? "✓" : "✗"} ${s.title}`),
          s.failing.length
            ? h(
                "ul",
                { class: "failing" },
                ...s.failing.map((f) => h("li", {}, `${f.check}: ${f.errors.join("; ")}`)),
              )
            : null,
          s.debriefMarkdown ? debrief(md.render(s.debriefMarkdown)) : null,
        ),
      ),
      h("h3", {}, "Docker commands"),
      t.timeline.length
        ? h(
            "ol",
            { class: "timeline" },
            ...t.timeline.map((e) =>
              h(
                "li",
                { class: e.status >= 400 ? "refused" : "" },
                h("span", { class: "t" }, formatElapsed(e.t * 1000)),
                " ",
                h("code", {}, e.command),
                e.status >= 400 ? ` → ${e.denied ?? `HTTP ${e.status}`}` : "",
              ),
            ),
          )
        : h("p", {}, "No Docker commands."),
      h("h3", {}, "Terminal replay"),
      player ? player.el : h("p", {}, "No terminal was opened for this task."),
    );
  }
}

/** Debriefs are the lab's own Markdown, rendered with raw HTML escaped (createMarkdown). */
function debrief(html: string): HTMLElement {
  const el = h("div", { class: "debrief" });
  el.innerHTML = html;
  return el;
}

function download(r: AssessmentReport): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }));
  const a = h("a", { href: url, download: `assessment-${r.attempt}.json` });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
