// A running session on the page: header (time left, actions), a notice line, instructions and
// the workbench. Events from the session's stream are applied here; the page decides what a
// pause or the end means.
import type { LabEvent, SessionLabView } from "../../../common/lab-events.ts";
import type { SessionView } from "../api/api-types.ts";
import type { SessionApi } from "../api/session-api.ts";
import { h } from "../dom/h.ts";
import { InstructionsPanel } from "../instructions/instructions-panel.ts";
import { Workbench } from "../workbench/workbench.ts";
import { completionView } from "./completion-view.ts";
import { SessionActions } from "./session-actions.ts";
import { SessionHeader } from "./session-header.ts";
import type { TokenStore } from "./token-store.ts";

export interface WorkspaceHooks {
  readonly ended: (reason: string) => void;
  readonly paused: (view: SessionView) => void;
  readonly showReport: () => void;
}

type NarrowView = "instructions" | "terminal" | "editor";

export class SessionWorkspace {
  readonly el: HTMLElement;
  private readonly header: SessionHeader;
  private readonly workbench: Workbench;
  private readonly views = h(
    "nav",
    { class: "narrow-views", "aria-label": "Views" },
    ...(["instructions", "terminal", "editor"] as const).map((v) =>
      h(
        "button",
        { type: "button", "data-view": v, onclick: () => this.view(v) },
        v[0]?.toUpperCase() + v.slice(1),
      ),
    ),
  );
  private readonly instructions: InstructionsPanel | undefined;
  private readonly notice = h("p", { class: "session-notice", role: "status", "aria-live": "polite" });
  private disposed = false;

  private completion: Promise<void> | undefined;

  constructor(
    private readonly api: SessionApi,
    private readonly lab: SessionLabView,
    tokens: TokenStore,
    hooks: WorkspaceHooks,
  ) {
    const challenge = lab.lab.mode === "challenge";
    this.workbench = new Workbench(api, tokens);
    const actions = new SessionActions({
      api,
      say: (text) => this.say(text),
      setDeadline: (at) => this.header.setDeadline(at),
      disableExtend: (why) => this.header.disableExtend(why),
      ...hooks,
    });
    this.header = new SessionHeader({
      title: lab.lab.title,
      mode: lab.lab.mode,
      onExtend: () => void actions.extend(),
      onPause: () => void actions.pause(),
      onEnd: () => void actions.end(),
      onSubmit: () => void actions.submit(),
      onViewerLinks: () => actions.viewerLinks(),
      onExpire: () => (challenge ? hooks.showReport() : this.say("Time is up: the session is pausing.")),
    });
    const workbench = this.workbench;
    this.instructions =
      lab.steps.length > 0
        ? new InstructionsPanel(lab, {
            check: () => api.check(),
            help: {
              hint: async (step) => (await api.hint(step)).hint,
              solution: challenge ? null : async (step) => (await api.solution(step)).script,
            },
            // On a phone the terminal is a view of its own: show it when a block runs there.
            run: {
              type: (keys) => (this.view("terminal"), workbench.typeInTerminal(keys)),
              command: (c) => (this.view("terminal"), workbench.runInTerminal(c)),
            },
          })
        : undefined;
    this.el = h(
      "div",
      { class: `session-layout${this.instructions ? "" : " no-steps"}` },
      this.header.el,
      this.notice,
      this.instructions ? this.views : null,
      h("main", { class: "session-main", id: "main" }, this.instructions?.el ?? null, this.workbench.el),
    );
    this.view("instructions");
  }

  /** Narrow screens (CSS decides) show one of instructions, terminal and editor at a time. */
  private view(which: NarrowView): void {
    this.el.dataset.view = which === "instructions" ? "instructions" : "workbench";
    for (const b of this.views.querySelectorAll("button"))
      b.setAttribute("aria-pressed", String(b.dataset.view === which));
    if (which !== "instructions") this.workbench.show(which);
  }

  /** Call once the element is in the document (xterm measures its cells when it opens). */
  start(view: SessionView): void {
    this.workbench.start();
    this.header.setDeadline(Date.parse(view.expiresAt));
    if (this.lab.completed) this.complete();
    if (view.restarting) void this.followRestarts(view.restarting);
  }

  apply(e: LabEvent): void {
    if (e.type === "step") this.instructions?.applyStep(e.stepId, e.status, e.results);
    if (e.type === "snapshot") this.instructions?.applyView(e.view);
    if (e.type === "completed" || (e.type === "snapshot" && e.view.completed)) this.complete();
    const timer = e.type === "timer" ? e.timer : e.type === "snapshot" ? e.view.timer : undefined;
    if (timer) this.header.setDeadline(Date.now() + timer.remainingMs);
  }

  setLive(connected: boolean): void {
    this.header.setLive(connected);
  }

  dispose(): void {
    this.disposed = true;
    this.header.dispose();
    this.workbench.dispose();
  }

  /** A guided lab's completion view, once, above its steps (a challenge has its report). */
  private complete(): void {
    if (this.completion || !this.instructions || this.lab.lab.mode === "challenge") return;
    const panel = this.instructions.el;
    this.completion = completionView(this.api, this.lab.lab.id).then(
      (view) => {
        panel.prepend(view);
        // The last step passed far down the instructions: bring the learner up to it (the
        // panel only: scrollIntoView would scroll the page and hide its header).
        panel.scrollTo({ top: 0 });
      },
      () => this.say("Every step is done. Well done!"),
    );
  }

  /** Just resumed: the engine is still bringing back the containers with restart policies. */
  private async followRestarts(count: number): Promise<void> {
    let n: number | undefined = count;
    while (n && !this.disposed) {
      this.say(
        `Bringing back ${n} container${n === 1 ? "" : "s"} with a restart policy, as after a reboot: docker ps shows ${n === 1 ? "it" : "them"} in a moment.`,
      );
      await new Promise((r) => setTimeout(r, 1000));
      n = await this.api.view().then(
        (v) => v.restarting,
        () => undefined,
      );
    }
    if (!this.disposed) this.say("");
  }

  private say(text: string): void {
    this.notice.textContent = text;
  }
}
