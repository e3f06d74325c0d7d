// A challenge's score report: how many tasks passed, when, with what help, in how much time.
// The session has ended (or is ending) by now; the report comes from recorded progress.
import type { ScoreReport } from "../../../common/lab-events.ts";
import { SessionApi } from "../api/session-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { factsList } from "../dom/facts-list.ts";
import { h } from "../dom/h.ts";
import { messageView } from "../session/session-messages.ts";
import { formatDuration } from "../time/format-time.ts";

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

export function reportView(r: ScoreReport): HTMLElement {
  const facts: Array<[string, string]> = [
    ["Tasks passed", `${r.stepsPassed} of ${r.stepsTotal}`],
    [
      "Time used",
      formatDuration(r.timeUsedMs) + (r.timeLimitMs ? ` of ${formatDuration(r.timeLimitMs)}` : ""),
    ],
    ["Hints revealed", String(r.hintsRevealed)],
  ];
  if (r.mode === "guided") facts.push(["Solutions viewed", String(r.solutionsViewed)]);
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
          h("th", { scope: "col" }, "Hints"),
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
            h("td", {}, s.status === "passed" ? "✓ passed" : "✗ not passed"),
            h("td", {}, s.passedAt ? formatDuration(Date.parse(s.passedAt) - Date.parse(r.startedAt)) : "–"),
            h("td", {}, String(s.hintsRevealed) + (s.solutionViewed ? " + solution" : "")),
          ),
        ),
      ),
    ),
    h("p", {}, h("a", { href: "#/" }, "Back to the labs")),
  );
}
