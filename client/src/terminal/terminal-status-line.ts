// The line under the terminal: connected, reconnecting in Ns (counting down), or why it
// stopped, with a click to try again.
import type { ConnectionStatus } from "./terminal-connection.ts";

export class TerminalStatusLine {
  private ticker: ReturnType<typeof setInterval> | undefined;
  private retry: (() => void) | undefined;
  private retryable = false;

  /** `anyKey`: a key typed in the terminal brings an ended shell back (not for viewers). */
  constructor(
    private readonly el: HTMLElement,
    private readonly anyKey = false,
  ) {
    el.className = "terminal-status";
    el.setAttribute("role", "status");
    el.style.cssText = "font:12px/1.5em monospace;height:1.5em;padding:0 .5em;opacity:.8";
    el.addEventListener("click", () => {
      if (this.retryable) this.retry?.();
    });
  }

  onRetry(fn: () => void): void {
    this.retry = fn;
  }

  show(status: ConnectionStatus): void {
    clearInterval(this.ticker);
    this.retryable = status.state === "closed" && !["forbidden", "not-found", "ended"].includes(status.code);
    this.el.style.cursor = this.retryable ? "pointer" : "default";
    switch (status.state) {
      case "connecting":
        return this.text("connecting…");
      case "connected":
        return this.text("connected");
      case "reconnecting": {
        const tick = () =>
          this.text(`reconnecting in ${Math.max(0, Math.ceil((status.at - Date.now()) / 1000))}s`);
        tick();
        this.ticker = setInterval(tick, 250);
        return;
      }
      case "closed":
        if (status.code === "exit" && this.anyKey)
          return this.text(`${status.reason}: press any key for a new shell`);
        return this.text(this.retryable ? `${status.reason} (click to reconnect)` : status.reason);
    }
  }

  /** A passing remark (a refused paste); the connection state comes back with the next change. */
  note(text: string): void {
    this.text(text);
  }

  dispose(): void {
    clearInterval(this.ticker);
  }

  private text(t: string): void {
    this.el.textContent = t;
  }
}
