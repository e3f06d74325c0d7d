import { h } from "../dom/h.ts";
import { formatWait } from "../time/format-time.ts";
import type { StartProgress, StartStep } from "../api/api-types.ts";
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
    : startingView(p.progress);
}

const STEP_TEXT: Record<StartStep, (p: StartProgress) => string> = {
  sandbox: (p) => (p.pooled ? "A sandbox from the warm pool" : "A new sandbox with its own disk"),
  engine: () => "Its own Docker engine",
  files: () => "The lab's files in your workspace",
  images: (p) => `The lab's images: ${p.images.join(", ")}`,
  setup: () => "The lab's setup script",
};

/** The start's steps as they pass: done, under way, to come. */
function startingView(p: StartProgress | undefined): HTMLElement {
  const page = messageView("Starting your sandbox…", p ? "" : "This takes a few seconds.");
  if (!p) return page;
  const at = p.steps.indexOf(p.current);
  const list = h(
    "ol",
    { class: "start-steps", "aria-label": "Starting" },
    ...p.steps.map((step, i) => {
      const state = i < at ? "done" : i === at ? "current" : "todo";
      const mark = state === "done" ? "✓" : state === "current" ? "…" : "";
      return h(
        "li",
        { class: state, ...(state === "current" ? { "aria-current": "step" } : {}) },
        h("span", { class: "start-mark", "aria-hidden": "true" }, mark),
        STEP_TEXT[step](p),
      );
    }),
  );
  page.querySelector("h1")?.after(list);
  return page;
}
