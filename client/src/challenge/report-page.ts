// A challenge's score report: how many tasks passed, when, with what help, in how much time.
// The session has ended (or is ending) by now; the report comes from recorded progress.
import type { ScoreReport } from "../../../common/lab-events.ts";
import { SessionApi } from "../api/session-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { factsList } from "../dom/facts-list.ts";
import { h } from "../dom/h.ts";
import { messageView } from "../session/session-messages.ts";
import { createMarkdown } from "../instructions/render-markdown.ts";
import { formatDuration, formatElapsed } from "../time/format-time.ts";

const RETRY_MS = 2000;

export class ReportPage implements Page {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    ctx: AppContext,
    id: string,
  ) {
    ctx.title("Score report");
    void ctx.tokens.learnerToken(id).then(
      (token) => this.load(new SessionApi(id, token)),
      () =>
        root.append(
          messageView(
            "No report here",
            "A report is shown to the learner who took the lab, in their browser.",
          ),
        ),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private async load(api: SessionApi): Promise<void> {
    try {
      const report = await api.report();
      this.root.replaceChildren(topBar(), reportView(report));
      this.root.querySelector<HTMLElement>("h1")?.focus();
      // Until the session has ended, the figures may still move: refresh until final.
      if (!report.final) this.timer = setTimeout(() => void this.load(api), RETRY_MS);
    } catch (e) {
      this.root.replaceChildren(messageView("The report could not be loaded", (e as Error).message));
    }
  }
}

/** A task's debrief (the server sends it once the work is in): open under a task not passed,
 *  folded under a passed one; before that, a plain line. */
function explanation(step: ScoreReport["steps"][number], final: boolean): HTMLElement | null {
  const passed = step.status === "passed";
  if (!step.debriefMarkdown) {
    if (passed) return null;
    return h(
      "p",
      { class: "debrief" },
      final ? "Its checks had not passed when the work was submitted." : "Not passed yet.",
    );
  }
  const body = h("div", { class: "markdown debrief" });
  body.innerHTML = createMarkdown().render(step.debriefMarkdown); // safe: raw HTML is escaped
  return h(
    "details",
    { open: !passed },
    h("summary", {}, "Debrief: the cause, how to find it, the fix"),
    body,
  );
}

export function reportView(r: ScoreReport): HTMLElement {
  // A challenge offers no hints, so a hints column would always read 0.
  const guided = r.mode === "guided";
  const facts: Array<[string, string]> = [
    ["Tasks passed", `${r.stepsPassed} of ${r.stepsTotal}`],
    [
      "Time used",
      formatElapsed(r.timeUsedMs) + (r.timeLimitMs ? ` of ${formatDuration(r.timeLimitMs)}` : ""),
    ],
  ];
  if (guided) facts.push(["Hints revealed", String(r.hintsRevealed)]);
  if (guided) facts.push(["Solutions viewed", String(r.solutionsViewed)]);
  return h(
    "main",
    { class: "report", id: "main" },
    h("h1", { tabindex: -1 }, `${r.title}: score report`),
    h(
      "p",
      { class: "score", "aria-label": `Score: ${r.stepsPassed} of ${r.stepsTotal} tasks passed` },
      `${r.stepsPassed} / ${r.stepsTotal}`,
    ),
    r.final
      ? null
      : h("p", { class: "notice", role: "status" }, "The session is still ending; these figures may change."),
    factsList(facts),
    h(
      "table",
      { class: "report-steps" },
      h("caption", {}, "Tasks"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Task"),
          h("th", { scope: "col" }, "Result"),
          h("th", { scope: "col" }, "Passed after"),
          guided ? h("th", { scope: "col" }, "Hints") : null,
        ),
      ),
      h(
        "tbody",
        {},
        ...r.steps.map((s) =>
          h(
            "tr",
            { class: s.status === "passed" ? "pass" : "fail" },
            h("th", { scope: "row" }, s.title),
            h("td", {}, s.status === "passed" ? "✓ passed" : "✗ not passed", explanation(s, r.final)),
            h("td", {}, s.passedAt ? formatElapsed(Date.parse(s.passedAt) - Date.parse(r.startedAt)) : "–"),
            guided ? h("td", {}, String(s.hintsRevealed) + (s.solutionViewed ? " + solution" : "")) : null,
          ),
        ),
      ),
    ),
    h("p", {}, h("a", { href: "#/" }, "Back to the labs")),
  );
}
