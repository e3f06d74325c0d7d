import { h } from "../dom/h.ts";

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
