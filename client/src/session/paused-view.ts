// A paused session: what is kept and until when, and Resume. The sandbox comes back as it
// was; its shells are new (dtach's ended with the workstation), the history is kept. The
// view also notices a resume from another tab, and a pause still under way.
import { ApiError } from "../api/api-request.ts";
import type { SessionView } from "../api/api-types.ts";
import type { SessionApi } from "../api/session-api.ts";
import { topBar } from "../app/top-bar.ts";
import { h } from "../dom/h.ts";
import { formatDate } from "../time/format-date.ts";

const POLL_MS = 3000;

export interface PausedViewDeps {
  readonly api: SessionApi;
  /** The session runs again: the page mounts it. */
  readonly resumed: () => void;
  readonly ended: (reason: string) => void;
}

export class PausedView {
  readonly el: HTMLElement;
  private readonly text = h("p", {});
  private readonly kept = h("p", { class: "muted" });
  private readonly notice = h("p", { class: "notice", role: "status", "aria-live": "polite" });
  private readonly button: HTMLButtonElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly d: PausedViewDeps,
    view: SessionView,
  ) {
    this.button = h(
      "button",
      { type: "button", class: "primary", onclick: () => void this.resume() },
      "Resume",
    );
    this.el = h("div", { class: "paused-page" }, topBar(), this.main());
    this.update(view);
    this.poll();
  }

  private main(): HTMLElement {
    return h(
      "main",
      { class: "message-page", id: "main" },
      h("h1", { tabindex: -1 }, "Your lab is paused"),
      this.text,
      h(
        "p",
        {},
        "Your containers, images, volumes and files are kept. Resuming brings the same sandbox back: " +
          "containers with a restart policy start again, the others stay stopped, as after a reboot. " +
          "Terminals open new shells (your shell history is kept).",
      ),
      this.kept,
      h("div", { class: "lab-actions-row" }, this.button, h("a", { href: "#/my" }, "My labs")),
      this.notice,
    );
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private update(v: SessionView): void {
    const pausing = v.state === "pausing";
    this.text.textContent = pausing
      ? "Pausing: stopping your containers…"
      : !v.reason || v.reason === "paused on request"
        ? "You paused it."
        : `It paused: ${v.reason}.`;
    this.kept.textContent = v.keptUntil ? `Kept until ${formatDate(v.keptUntil)}.` : "";
    this.button.disabled = pausing || v.state === "resuming";
  }

  private poll(): void {
    this.timer = setTimeout(async () => {
      const v = await this.d.api.view().catch(() => undefined);
      if (this.disposed) return;
      if (v?.state === "ready") return this.d.resumed();
      if (v?.state === "stopped" || v?.state === "failed")
        return this.d.ended(v.reason ?? `it is ${v.state}`);
      if (v) this.update(v);
      this.poll();
    }, POLL_MS);
  }

  private async resume(): Promise<void> {
    this.button.disabled = true;
    this.notice.textContent = "Resuming your sandbox…";
    try {
      await this.d.api.resume();
      if (!this.disposed) this.d.resumed();
    } catch (e) {
      if (this.disposed) return;
      this.notice.textContent = `Could not resume: ${e instanceof ApiError ? e.message : String(e)}`;
      this.button.disabled = false;
    }
  }
}
