// "Pick up where you left off": the learner's labs in progress (running or paused), each
// opening its session in this tab, and the way to every lab of theirs (My labs).
import type { LearnerSessionView } from "../../../common/learner-views.ts";
import { h } from "../dom/h.ts";
import { routeHref } from "../routing/route.ts";
import { inProgressText } from "./standing-text.ts";

export function inProgressList(sessions: readonly LearnerSessionView[]): HTMLElement[] {
  if (sessions.length === 0) return [];
  return [
    h("h2", { id: "mine-title" }, "Pick up where you left off"),
    h(
      "ul",
      { class: "in-progress-list", "aria-labelledby": "mine-title" },
      ...sessions.map((s) =>
        h(
          "li",
          { "data-state": s.state },
          h(
            "a",
            { class: "button primary", href: routeHref({ page: "session", id: s.id }) },
            `Continue ${s.labTitle}`,
          ),
          h("span", { class: "standing in-progress" }, inProgressText(s)),
        ),
      ),
    ),
    h("p", {}, h("a", { href: "#/my" }, "All my labs")),
  ];
}
