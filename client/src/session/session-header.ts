// The bar over a session: lab title, time left (counting down, louder in the last five
// minutes), and the session's actions. Challenge mode swaps "Extend" for "Submit".
import type { LabMode } from "../../../common/lab-types.ts";
import { h } from "../dom/h.ts";
import { Countdown } from "../time/countdown.ts";
import { formatClock } from "../time/format-time.ts";

export interface SessionHeaderOptions {
  readonly title: string;
  readonly mode: LabMode;
  readonly onExtend: () => void;
  readonly onPause: () => void;
  readonly onEnd: () => void;
  readonly onSubmit: () => void;
  readonly onViewerLinks: () => void;
  readonly onExpire: () => void;
}

const WARN_MS = 5 * 60_000;

export class SessionHeader {
  readonly el: HTMLElement;
  private readonly clock = h("span", { class: "clock", role: "timer", "aria-live": "off" });
  private readonly warning = h("span", { class: "visually-hidden", role: "status", "aria-live": "polite" });
  private readonly live = h("span", { class: "live-state", role: "status" });
  private readonly countdown: Countdown;
  private warned = false;

  constructor(o: SessionHeaderOptions) {
    const challenge = o.mode === "challenge";
    this.countdown = new Countdown({ onTick: (ms) => this.tick(ms), onExpire: o.onExpire });
    const button = (label: string, onclick: () => void, cls?: string) =>
      h("button", { type: "button", class: cls, onclick }, label);
    this.el = h(
      "header",
      { class: `session-header${challenge ? " challenge" : ""}` },
      h("a", { class: "brand", href: "#/", "aria-label": "Slipway: all labs" }, "Slipway"),
      h("h1", { tabindex: -1 }, o.title, challenge ? h("span", { class: "mode-badge" }, "challenge") : null),
      h("span", { class: "time-left" }, h("span", { class: "visually-hidden" }, "Time left: "), this.clock),
      this.live,
      this.warning,
      h(
        "div",
        { class: "header-actions" },
        challenge
          ? button("Submit", o.onSubmit, "primary")
          : this.extendButton(button("Extend 30 min", o.onExtend)),
        button("Pause", o.onPause),
        challenge ? null : button("Viewer links", o.onViewerLinks),
        button("End session", o.onEnd, "danger"),
      ),
    );
  }

  private extend: HTMLButtonElement | undefined;
  private extendButton(b: HTMLButtonElement): HTMLButtonElement {
    return (this.extend = b);
  }

  /** At the longest a session may run: the button stays, disabled, saying why on hover. */
  disableExtend(why: string): void {
    if (!this.extend) return;
    this.extend.disabled = true;
    this.extend.title = why;
  }

  /** Epoch milliseconds. */
  setDeadline(at: number): void {
    this.warned = at - Date.now() <= WARN_MS;
    this.countdown.setDeadline(at);
  }

  setLive(connected: boolean): void {
    this.live.textContent = connected ? "" : "live updates paused, reconnecting…";
  }

  dispose(): void {
    this.countdown.stop();
  }

  private tick(ms: number): void {
    this.clock.textContent = `${formatClock(ms)} left`;
    const low = ms <= WARN_MS;
    this.el.classList.toggle("time-low", low);
    if (low && !this.warned) {
      this.warned = true;
      this.warning.textContent = `${Math.ceil(ms / 60_000)} minutes left`;
    }
  }
}
