import { h } from "../dom/h.ts";
import { formatWait } from "../time/format-time.ts";
import type { WaitProgress } from "./wait-until-ready.ts";

/** A whole-page message with a way back to the catalog. */
export function messageView(title: string, text: string): HTMLElement {
  return h(
    "main",
    { class: "message-page", id: "main" },
    h("h1", { tabindex: -1 }, title),
    text ? h("p", {}, text) : null,
    h("p", {}, h("a", { href: "#/" }, "Back to the labs")),
  );
}

export const endedView = (reason: string): HTMLElement =>
  messageView("This session has ended", `It ended because ${reason}.`);

export function waitingView(p: WaitProgress): HTMLElement {
  return p.state === "queued"
    ? messageView(
        "Waiting for a sandbox",
        `All sandboxes are busy. You are number ${p.position} in line; the wait is ${formatWait(p.estimatedWaitMs)}. Keep this page open: your session starts by itself.`,
      )
    : messageView("Starting your sandbox…", "");
}
