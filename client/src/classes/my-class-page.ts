// #/class: the learner's class: its labs in order, how far they got in each, and a button to
// start or go back to each one.
import type { LearnerClassView } from "../../../common/class-views.ts";
import { apiRequest } from "../api/api-request.ts";
import { myClass } from "../api/class-api.ts";
import type { AppContext, Page } from "../app/page.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";

const RUNNING = new Set(["queued", "starting", "ready", "pausing", "paused", "resuming"]);

export class MyClassPage implements Page {
  private readonly main = h("main", { class: "message-page", id: "main" });

  constructor(root: HTMLElement, ctx: AppContext) {
    ctx.title("My class");
    root.append(topBar(), this.main);
    void myClass().then(
      (c) => this.show(c),
      (e: Error) => this.main.append(h("p", { class: "notice" }, e.message)),
    );
  }

  private show(c: LearnerClassView | null): void {
    if (!c) {
      this.main.append(
        h("h1", { tabindex: -1 }, "My class"),
        h(
          "p",
          {},
          "You have not joined a class. ",
          h("a", { href: routeHref({ page: "join" }) }, "Join one with its code"),
        ),
      );
      return;
    }
    const say = h("p", { class: "notice", role: "status", "aria-live": "polite" });
    this.main.append(
      h("h1", { tabindex: -1 }, c.title),
      h("p", {}, `You are in this class as ${c.displayName}.`, c.ended ? " The class has ended." : ""),
      h(
        "ol",
        { class: "class-lab-list" },
        ...c.labs.map((l) => {
          const button = h(
            "button",
            { type: "button", class: "primary" },
            l.sessionId && RUNNING.has(l.state ?? "") ? "Continue" : l.completed ? "Again" : "Start",
          );
          button.addEventListener("click", () => {
            if (l.sessionId && RUNNING.has(l.state ?? "")) {
              location.hash = routeHref({ page: "session", id: l.sessionId });
              return;
            }
            button.disabled = true;
            say.textContent = `Starting ${l.title}…`;
            apiRequest<{ id: string }>("POST", "/api/sessions", { json: { lab: l.lab } }).then(
              (s) => (location.hash = routeHref({ page: "session", id: s.id })),
              (e: Error) => ((say.textContent = e.message), (button.disabled = false)),
            );
          });
          return h(
            "li",
            { class: "class-lab" },
            h("strong", {}, l.title),
            ` ${l.stepsPassed}/${l.stepCount} steps${l.completed ? " ✓ done" : ""} `,
            c.ended ? null : button,
          );
        }),
      ),
      say,
    );
  }

  dispose(): void {}
}
