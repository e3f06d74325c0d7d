// A learner's lab session: header, instructions on the left, workbench on the right. The
// session id is in the URL and the token in sessionStorage, so a reload comes back to the
// same sandbox and the same shells.
import type { LabEvent, SessionLabView } from "../../../common/lab-events.ts";
import type { SessionView } from "../api/api-types.ts";
import { SessionApi } from "../api/session-api.ts";
import { endsSession } from "../api/session-events.ts";
import type { AppContext, Page } from "../app/page.ts";
import { h } from "../dom/h.ts";
import { InstructionsPanel } from "../instructions/instructions-panel.ts";
import { routeHref } from "../routing/route.ts";
import { Workbench } from "../workbench/workbench.ts";
import { endedView, messageView, waitingView } from "./session-messages.ts";
import { waitUntilReady } from "./wait-until-ready.ts";
import { SessionActions } from "./session-actions.ts";
import { SessionHeader } from "./session-header.ts";

export class SessionPage implements Page {
  private readonly cleanups: Array<() => void> = [];
  private readonly abort = new AbortController();
  private readonly notice = h("p", { class: "session-notice", role: "status", "aria-live": "polite" });
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
    root.append(messageView("Opening your session…", ""));
    void this.load(new SessionApi(id, token));
  }

  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    for (const c of this.cleanups.splice(0)) c();
  }

  private async load(api: SessionApi): Promise<void> {
    let view: SessionView;
    let lab: SessionLabView;
    let shown = "";
    try {
      const first = await api.view();
      if (first.state === "stopped" || first.state === "failed")
        return this.ended(first.reason ?? `it is ${first.state}`);
      view = await waitUntilReady(api, first, {
        signal: this.abort.signal,
        onProgress: (p) => {
          // Re-rendered only when the place changes, so focus and screen readers stay put.
          if (JSON.stringify(p) !== shown) this.show(waitingView(p));
          shown = JSON.stringify(p);
        },
      });
      lab = await api.lab();
    } catch (e) {
      if (this.disposed) return;
      return this.show(messageView("This session could not be opened", (e as Error).message));
    }
    if (this.disposed) return;
    this.ctx.title(lab.lab.title);
    this.mount(api, lab, view);
  }

  private mount(api: SessionApi, lab: SessionLabView, view: SessionView): void {
    const challenge = lab.lab.mode === "challenge";
    const workbench = new Workbench(api, this.ctx.tokens);
    const actions = new SessionActions({
      api,
      say: (text) => this.say(text),
      setDeadline: (at) => header.setDeadline(at),
      disableExtend: (why) => header.disableExtend(why),
      ended: (reason) => this.ended(reason),
      showReport: () => this.showReport(api),
    });
    const header = new SessionHeader({
      title: lab.lab.title,
      mode: lab.lab.mode,
      onExtend: () => void actions.extend(),
      onEnd: () => void actions.end(),
      onSubmit: () => void actions.submit(),
      onViewerLinks: () => actions.viewerLinks(),
      onExpire: () => (challenge ? this.showReport(api) : this.say("Time is up: the session is ending.")),
    });
    const instructions =
      lab.steps.length > 0
        ? new InstructionsPanel(lab, {
            check: () => api.check(),
            help: {
              hint: async (step) => (await api.hint(step)).hint,
              solution: challenge ? null : async (step) => (await api.solution(step)).script,
            },
            run: {
              type: (keys) => workbench.typeInTerminal(keys),
              command: (c) => workbench.runInTerminal(c),
            },
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
      if (e.type === "completed") this.say("Every step is done. Well done!");
      const timer = e.type === "timer" ? e.timer : e.type === "snapshot" ? e.view.timer : undefined;
      if (timer) header.setDeadline(Date.now() + timer.remainingMs);
      if (endsSession(e)) {
        const reason = e.type === "session" ? e.reason : undefined;
        if (challenge) this.showReport(api);
        else this.ended(reason ?? "the session ended");
      }
    };
    // Ctrl+W meant for the shell closes the tab: ask first while the session runs.
    const askBeforeLeaving = (ev: BeforeUnloadEvent): void => ev.preventDefault();
    addEventListener("beforeunload", askBeforeLeaving);
    const unsubscribe = api.events({
      onEvent,
      onConnected: (c) => header.setLive(c),
    });
    this.cleanups.push(
      unsubscribe,
      () => header.dispose(),
      () => workbench.dispose(),
      () => removeEventListener("beforeunload", askBeforeLeaving),
    );
  }

  private showReport(api: SessionApi): void {
    this.dispose();
    location.hash = routeHref({ page: "report", id: api.id });
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
