// My labs: every session of this learner, newest first, with its state and how far it got,
// each opening in this (or any) tab; the learner's display name; and a one-time code that
// carries these labs to another browser.
import type { LearnerSessionView } from "../../../common/learner-views.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { stateWords, stepsText } from "../catalog/standing-text.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { formatDate } from "../time/format-date.ts";
import { identityPanel } from "./identity-panel.ts";

export class MyLabsPage implements Page {
  private readonly list = h("ul", { class: "my-labs", "aria-label": "Your sessions" });
  private readonly notice = h("p", { class: "notice", role: "status" });
  private readonly identity = h("section", { class: "identity", "aria-labelledby": "identity-title" });
  private disposed = false;

  constructor(
    root: HTMLElement,
    private readonly ctx: AppContext,
  ) {
    ctx.title("My labs");
    root.append(
      topBar(),
      h(
        "main",
        { class: "catalog", id: "main" },
        h("h1", { tabindex: -1 }, "My labs"),
        this.notice,
        this.list,
        this.identity,
      ),
    );
    void this.load();
  }

  dispose(): void {
    this.disposed = true;
  }

  private async load(): Promise<void> {
    this.notice.textContent = "Loading your labs…";
    try {
      const [me, sessions] = await Promise.all([this.ctx.learner.me(), this.ctx.learner.sessions()]);
      if (this.disposed) return;
      this.notice.textContent =
        sessions.length > 0
          ? ""
          : "No labs yet in this browser. Start one from the catalog, or enter a code below.";
      this.list.replaceChildren(...sessions.map(sessionItem));
      this.identity.replaceChildren(identityPanel(this.ctx.learner, me));
    } catch (e) {
      this.notice.textContent = `Your labs could not be loaded: ${(e as Error).message}`;
    }
  }
}

function sessionItem(s: LearnerSessionView): HTMLElement {
  const finished = s.state === "stopped" || s.state === "failed";
  const steps = stepsText(s);
  const facts = [
    `Started ${formatDate(s.createdAt)}`,
    steps,
    stateWords(s) + (s.reason && !/on request$/.test(s.reason) ? `: ${s.reason}` : ""),
  ];
  const open = finished
    ? s.stepCount > 0
      ? h("a", { href: routeHref({ page: "report", id: s.id }) }, "Report")
      : null
    : h(
        "a",
        { class: "button primary", href: routeHref({ page: "session", id: s.id }) },
        s.state === "paused" ? "Resume" : "Open",
      );
  return h(
    "li",
    { class: `my-lab state-${s.state}`, "data-session": s.id },
    h("h2", {}, s.labTitle),
    h("p", { class: "muted" }, facts.filter(Boolean).join(" · ")),
    s.completedAt
      ? h("p", { class: "standing completed" }, `Completed on ${formatDate(s.completedAt)}`)
      : null,
    open,
  );
}
