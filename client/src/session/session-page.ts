// A learner's lab session: header, instructions on the left, workbench on the right. The
// session id is in the URL and its token comes from the learner's identity, so any tab or
// window (and a reload) comes back to the same sandbox and the same shells. A paused session
// shows what is kept and Resume.
import type { LabEvent, SessionLabView } from "../../../common/lab-events.ts";
import type { SessionView } from "../api/api-types.ts";
import { SessionApi } from "../api/session-api.ts";
import { endsSession } from "../api/session-events.ts";
import type { AppContext, Page } from "../app/page.ts";
import { routeHref } from "../routing/route.ts";
import { endedView, messageView, waitingView } from "./session-messages.ts";
import { PausedView } from "./paused-view.ts";
import { SessionWorkspace } from "./session-workspace.ts";
import { waitUntilReady } from "./wait-until-ready.ts";

const PAUSED: ReadonlySet<string> = new Set(["pausing", "paused"]);

export class SessionPage implements Page {
  private readonly cleanups: Array<() => void> = [];
  private abort = new AbortController();
  private disposed = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: AppContext,
    private readonly id: string,
    /** Set when the session is part of something larger (an assessment's task): its end is
     *  told here instead of leading to the session's own report or ended view. */
    private readonly over?: () => void,
  ) {
    ctx.title("Lab");
    root.append(messageView("Opening your session…", ""));
    void this.open();
  }

  dispose(): void {
    this.disposed = true;
    this.release();
  }

  private async open(): Promise<void> {
    let token: string;
    try {
      token = await this.ctx.tokens.learnerToken(this.id);
    } catch {
      if (this.disposed) return;
      return this.show(
        messageView(
          "This session is not yours in this browser",
          "A session belongs to the learner who started it. If it is yours, open My labs in the browser you started it in and carry your labs over with a code.",
        ),
      );
    }
    if (!this.disposed) await this.load(new SessionApi(this.id, token));
  }

  private async load(api: SessionApi): Promise<void> {
    this.release();
    let view: SessionView;
    let lab: SessionLabView;
    let shown = "";
    try {
      const first = await api.view();
      if (first.state === "stopped" || first.state === "failed")
        return this.ended(first.reason ?? `it is ${first.state}`);
      if (PAUSED.has(first.state)) return this.paused(api, first);
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
    const ws = new SessionWorkspace(api, lab, this.ctx.tokens, {
      ended: (reason) => this.ended(reason),
      paused: (v) => this.paused(api, v),
      showReport: () => this.showReport(api),
    });
    this.show(ws.el);
    ws.start(view);
    const onEvent = (e: LabEvent): void => {
      ws.apply(e);
      if (e.type === "session" && PAUSED.has(e.state)) return void this.paused(api, undefined);
      if (!endsSession(e)) return;
      if (challenge) this.showReport(api);
      else this.ended((e.type === "session" ? e.reason : undefined) ?? "the session ended");
    };
    const unsubscribe = api.events({
      onEvent,
      onConnected: (c) => ws.setLive(c),
    });
    // Leaving does not stop anything (the session pauses when idle), but a learner who closes
    // the tab by mistake gets the browser's question first.
    const ask = (ev: BeforeUnloadEvent) => ev.preventDefault();
    window.addEventListener("beforeunload", ask);
    this.cleanups.push(
      unsubscribe,
      () => ws.dispose(),
      () => window.removeEventListener("beforeunload", ask),
    );
  }

  private async paused(api: SessionApi, known: SessionView | undefined): Promise<void> {
    this.release();
    const view = known ?? (await api.view().catch(() => undefined));
    if (this.disposed || !view) return;
    const paused = new PausedView(
      { api, resumed: () => void this.load(api), ended: (r) => this.ended(r) },
      view,
    );
    this.cleanups.push(() => paused.dispose());
    this.ctx.title("Paused");
    this.show(paused.el);
  }

  /** Lets go of what the current view holds (sockets, timers, the unload question). */
  private release(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const c of this.cleanups.splice(0)) c();
  }

  private showReport(api: SessionApi): void {
    this.dispose();
    if (this.over) return this.over();
    location.hash = routeHref({ page: "report", id: api.id });
  }

  private ended(reason: string): void {
    this.dispose();
    if (this.over) return this.over();
    this.ctx.tokens.forget(this.id);
    this.show(endedView(reason));
  }

  private show(el: HTMLElement): void {
    this.root.replaceChildren(el);
    this.root.querySelector<HTMLElement>("h1")?.focus({ preventScroll: true });
  }
}
