// A learner's lab session: header, instructions on the left, workbench on the right. The
// session id is in the URL and the token in sessionStorage, so a reload comes back to the
// same sandbox and the same shells.
import type { LabEvent, SessionLabView } from "../../../common/lab-events.ts";
import type { SessionView } from "../api/api-types.ts";
import { SessionApi } from "../api/session-api.ts";
import { endsSession, subscribeSessionEvents } from "../api/session-events.ts";
import type { AppContext, Page } from "../app/page.ts";
import { confirmAction } from "../dom/confirm-dialog.ts";
import { h } from "../dom/h.ts";
import { InstructionsPanel } from "../instructions/instructions-panel.ts";
import { routeHref } from "../routing/route.ts";
import { Workbench } from "../workbench/workbench.ts";
import { endedView, messageView } from "./session-messages.ts";
import { SessionHeader } from "./session-header.ts";

export class SessionPage implements Page {
  private readonly cleanups: Array<() => void> = [];
  private readonly notice = h("p", { class: "session-notice", role: "status", "aria-live": "polite" });
  private api: SessionApi | undefined;
  private disposed = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: AppContext,
    private readonly id: string,
  ) {
    ctx.title("Lab");
    const token = ctx.tokens.load("learner", id);
    if (!token) {
      root.append(
        messageView(
          "This session is not open in this tab",
          "A session stays with the browser tab that started it. Start a new one from the catalog, or ask your instructor for a viewer link.",
        ),
      );
      return;
    }
    this.api = new SessionApi(id, token);
    root.append(messageView("Opening your session…", ""));
    void this.load(this.api);
  }

  dispose(): void {
    this.disposed = true;
    for (const c of this.cleanups.splice(0)) c();
  }

  private async load(api: SessionApi): Promise<void> {
    let view: SessionView;
    let lab: SessionLabView;
    try {
      [view, lab] = await Promise.all([api.view(), api.lab()]);
    } catch (e) {
      return this.show(messageView("This session could not be opened", (e as Error).message));
    }
    if (this.disposed) return;
    if (view.state !== "ready") return this.ended(view.reason ?? `the session is ${view.state}`);
    this.ctx.title(lab.lab.title);
    this.mount(api, lab, view);
  }

  private mount(api: SessionApi, lab: SessionLabView, view: SessionView): void {
    const challenge = lab.lab.mode === "challenge";
    const workbench = new Workbench(api, this.ctx.tokens);
    const header = new SessionHeader({
      title: lab.lab.title,
      mode: lab.lab.mode,
      onExtend: () => void this.extend(api, header),
      onEnd: () => void this.end(api),
      onSubmit: () => void this.submit(api),
      onCopyViewerLink: () => void this.copyViewerLink(api),
      onExpire: () =>
        challenge ? void this.showReport(api) : this.say("Time is up: the session is ending."),
    });
    const instructions =
      lab.steps.length > 0
        ? new InstructionsPanel(lab, {
            check: () => api.check(),
            help: {
              hint: async (step) => (await api.hint(step)).hint,
              solution: challenge ? null : async (step) => (await api.solution(step)).script,
            },
            run: (text) => workbench.runInTerminal(text),
          })
        : undefined;
    this.show(
      h(
        "div",
        { class: `session-layout${instructions ? "" : " no-steps"}` },
        header.el,
        this.notice,
        h("main", { class: "session-main", id: "main" }, instructions?.el ?? null, workbench.el),
      ),
    );
    workbench.start();
    header.setDeadline(Date.parse(view.expiresAt));
    const onEvent = (e: LabEvent): void => {
      if (e.type === "step") instructions?.applyStep(e.stepId, e.status, e.results);
      if (e.type === "snapshot") instructions?.applyView(e.view);
      const timer = e.type === "timer" ? e.timer : e.type === "snapshot" ? e.view.timer : undefined;
      if (timer) header.setDeadline(Date.now() + timer.remainingMs);
      if (endsSession(e)) {
        const reason = e.type === "session" ? e.reason : undefined;
        void (challenge ? this.showReport(api) : this.ended(reason ?? "the session ended"));
      }
    };
    const unsubscribe = subscribeSessionEvents(api.eventsUrl(), {
      onEvent,
      onConnected: (c) => header.setLive(c),
    });
    this.cleanups.push(
      unsubscribe,
      () => header.dispose(),
      () => workbench.dispose(),
    );
  }

  private async extend(api: SessionApi, header: SessionHeader): Promise<void> {
    try {
      const view = await api.extend(30);
      header.setDeadline(Date.parse(view.expiresAt));
      this.say("Extended: the new end time is shown above.");
    } catch (e) {
      this.say(`Could not extend: ${(e as Error).message}`);
    }
  }

  private async end(api: SessionApi): Promise<void> {
    const ok = await confirmAction(
      "End this session?",
      "Your sandbox, its containers and your files are deleted. This cannot be undone.",
      "End session",
    );
    if (!ok) return;
    await api.end().catch(() => undefined);
    this.ended("you ended it");
  }

  /** Submitting ends the session, so the score is final; the report page shows it. */
  private async submit(api: SessionApi): Promise<void> {
    const ok = await confirmAction(
      "Submit your work?",
      "Your tasks are checked one last time, then the session ends and you see your score.",
      "Submit",
    );
    if (!ok) return;
    this.say("Checking your work…");
    await api.check().catch(() => undefined);
    await api.end().catch(() => undefined);
    await this.showReport(api);
  }

  private async showReport(api: SessionApi): Promise<void> {
    this.dispose();
    location.hash = routeHref({ page: "report", id: api.id });
  }

  private async copyViewerLink(api: SessionApi): Promise<void> {
    const link = `${location.origin}${location.pathname}${routeHref({ page: "watch", id: api.id, term: "term1", token: api.token })}`;
    try {
      await navigator.clipboard.writeText(link);
      this.say(
        "A read-only viewer link is on your clipboard. Anyone with it can see (and use) this session.",
      );
    } catch {
      this.say(`Viewer link: ${link}`);
    }
  }

  private ended(reason: string): void {
    this.dispose();
    this.ctx.tokens.forget("learner", this.id);
    this.show(endedView(reason));
  }

  private say(text: string): void {
    this.notice.textContent = text;
  }

  private show(el: HTMLElement): void {
    this.root.replaceChildren(el);
    this.root.querySelector<HTMLElement>("h1")?.focus({ preventScroll: true });
  }
}
