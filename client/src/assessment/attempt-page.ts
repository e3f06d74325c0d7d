// Taking an assessment: a bar with the time left and the tasks (done, open, to do), "Next
// task" (skip: it stays to come back to) and "Finish"; under it the open task's session, as
// any lab session shows. The next task's sandbox was started ahead by the server, so moving
// on is quick. When the time is up, or on Finish, the report opens.
import type { AttemptView } from "../../../common/assessment-views.ts";
import type { AppContext, Page } from "../app/page.ts";
import { confirmAction } from "../dom/confirm-dialog.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { messageView } from "../session/session-messages.ts";
import { SessionPage } from "../session/session-page.ts";
import { formatClock } from "../time/format-time.ts";
import { AttemptApi, attemptToken } from "./attempt-api.ts";

export class AttemptPage implements Page {
  private readonly bar = h("nav", { class: "attempt-bar", "aria-label": "Assessment" });
  private readonly body = h("div", { class: "attempt-task" });
  private session: { page: SessionPage; id: string } | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  private view: AttemptView | undefined;
  private readonly api: AttemptApi | undefined;
  private busy = false;

  constructor(
    root: HTMLElement,
    private readonly ctx: AppContext,
    id: string,
  ) {
    ctx.title("Assessment");
    const token = attemptToken(id);
    this.api = token ? new AttemptApi(id, token) : undefined;
    if (!this.api)
      root.append(
        messageView(
          "This assessment is not open in this tab",
          "An assessment is taken in the tab it was started in.",
        ),
      );
    else root.append(h("div", { class: "attempt-layout" }, this.bar, this.body));
    this.timer = setInterval(() => this.tick(), 1000);
    void this.refresh(() => this.api?.view());
  }

  dispose(): void {
    clearInterval(this.timer);
    this.session?.page.dispose();
  }

  private seconds = 0;
  private tick(): void {
    if (!this.view) return;
    this.bar.querySelector(".attempt-clock")?.replaceChildren(this.clock(this.view));
    // Re-read every 5 s: passed tasks, and the end of the attempt at its limit.
    if (++this.seconds % 5 === 0 || Date.parse(this.view.endsAt) <= Date.now())
      void this.refresh(() => this.api?.view());
  }

  private clock = (v: AttemptView) => `Time left ${formatClock(Date.parse(v.endsAt) - Date.now())}`;

  private async refresh(load: () => Promise<AttemptView> | undefined): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const v = await load();
      if (!v) return;
      this.view = v;
      if (v.finishedAt) return void (location.hash = routeHref({ page: "assessment-report", id: v.id }));
      this.render(v);
    } catch (e) {
      this.body.replaceChildren(messageView("The assessment could not be loaded", (e as Error).message));
    } finally {
      this.busy = false;
    }
  }

  private render(v: AttemptView): void {
    this.ctx.title(v.title);
    const next = (v.current + 1) % v.tasks.length;
    this.bar.replaceChildren(
      h("strong", { class: "attempt-title" }, v.title),
      h("span", { class: "attempt-clock", role: "timer" }, this.clock(v)),
      h(
        "ol",
        { class: "attempt-tasks" },
        ...v.tasks.map((t) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: t.index === v.current ? "current" : t.passed ? "done" : "",
                "aria-current": t.index === v.current ? "step" : null,
                onclick: () => void this.refresh(() => this.api?.open(t.index)),
              },
              `Task ${t.index + 1}${t.passed ? " ✓" : ""}`,
            ),
          ),
        ),
      ),
      ...(v.tasks.length > 1
        ? [
            h(
              "button",
              {
                type: "button",
                class: "secondary",
                onclick: () => void this.refresh(() => this.api?.open(next)),
              },
              "Next task",
            ),
          ]
        : []),
      h("button", { type: "button", onclick: () => void this.finish() }, "Finish assessment"),
    );
    const task = v.tasks[v.current];
    const s = task?.session;
    if (!s?.token) {
      this.session?.page.dispose();
      this.session = undefined;
      return void this.body.replaceChildren(messageView("Preparing this task's sandbox…", ""));
    }
    if (this.session?.id === s.id) return;
    this.session?.page.dispose();
    this.ctx.tokens.give(s.id, s.token);
    const mount = h("div", { class: "attempt-session" });
    this.body.replaceChildren(mount);
    // A task that ends (the attempt's time is up) is the attempt's business: re-read it.
    const over = () => void this.refresh(() => this.api?.view());
    this.session = { id: s.id, page: new SessionPage(mount, this.ctx, s.id, over) };
  }

  private async finish(): Promise<void> {
    const open = this.view?.tasks.filter((t) => !t.passed).length ?? 0;
    const sure = await confirmAction(
      "Finish the assessment?",
      open
        ? `${open} task(s) are not solved yet. Finishing ends every task and writes your report.`
        : "Finishing ends every task and writes your report.",
      "Finish",
    );
    if (sure) await this.refresh(() => this.api?.finish());
  }
}
